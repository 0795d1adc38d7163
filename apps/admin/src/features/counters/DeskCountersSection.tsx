import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import ScheduleIcon from '@mui/icons-material/Schedule';
import { formatDate, addDays, isoWeekday, todayIso } from '../../dates';
import { DeskCountersDocument, type DeskCounterFragment, type DeskOpeningExceptionFragment, type DeskOpeningHoursFragment } from '../../graphql/generated';
import { Section } from '../handover/Section';
import { useCanManageStaff } from '../staff/access';
import { timeRange, WEEKDAYS } from '../staff/days';
import { CounterStatusChip, WRAPPING_CHIP } from '../staff/StaffChips';
import { CounterDialog, OpeningExceptionDialog } from './CounterDialogs';
import { OpeningHoursDialog } from './OpeningHoursDialog';

/** How far ahead the desk's page lists the days that open differently. */
const EXCEPTION_DAYS = 365;

const EMPTY_TEXT = { variant: 'body2', color: 'text.secondary' } as const;

/** "2 quầy", or every open counter ("Mọi quầy (6)") when the interval names no number. */
function useDemandText(openCounters: number) {
  const { t } = useTranslation();
  return (demand: number | null | undefined) => (demand == null ? t('staff.hours.demandAll', { count: openCounters }) : t('staff.hours.demandValue', { count: demand }));
}

function CountersTable({ counters, onEdit }: { counters: readonly DeskCounterFragment[]; onEdit?: (counter: DeskCounterFragment) => void }) {
  const { t } = useTranslation();
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('staff.counters.title')} data-testid="counters-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('staff.counters.number')}</TableCell>
            <TableCell>{t('staff.counters.name')}</TableCell>
            <TableCell>{t('staff.counters.fields')}</TableCell>
            <TableCell>{t('staff.counters.status')}</TableCell>
            {onEdit && <TableCell />}
          </TableRow>
        </TableHead>
        <TableBody>
          {counters.map((c) => (
            <TableRow key={c.id} data-testid="counter-row" sx={c.status === 'RETIRED' ? { '& td': { color: 'text.secondary' } } : undefined}>
              <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{t('staff.counters.numberValue', { number: c.number })}</TableCell>
              <TableCell sx={{ minWidth: 160 }}>{c.name}</TableCell>
              <TableCell sx={{ minWidth: 200 }}>
                {c.fields.length === 0 ? (
                  <Typography {...EMPTY_TEXT}>{t('staff.counters.noFields')}</Typography>
                ) : (
                  <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                    {c.fields.map((f) => (
                      <Chip key={f.id} size="small" variant="outlined" label={f.name} sx={WRAPPING_CHIP} />
                    ))}
                  </Stack>
                )}
              </TableCell>
              <TableCell>
                <CounterStatusChip status={c.status} />
              </TableCell>
              {onEdit && (
                <TableCell align="right">
                  <Button size="small" startIcon={<EditOutlinedIcon />} onClick={() => onEdit(c)} aria-label={t('staff.counters.editLabel', { number: c.number })} data-testid="edit-counter">
                    {t('staff.counters.edit')}
                  </Button>
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** The week as a small table: each weekday's intervals and the counters to staff in each, "Nghỉ" on closed days. */
export function WeekHoursTable({ hours, openCounters }: { hours: readonly DeskOpeningHoursFragment[]; openCounters: number }) {
  const { t } = useTranslation();
  const demandText = useDemandText(openCounters);
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('staff.hours.title')} data-testid="hours-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('staff.hours.weekday')}</TableCell>
            <TableCell>{t('staff.hours.intervals')}</TableCell>
            <TableCell>{t('staff.hours.demand')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {WEEKDAYS.flatMap((weekday) => {
            const day = hours.filter((h) => h.weekday === weekday);
            const name = (rows: number) => (
              <TableCell rowSpan={rows} sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                {t(`staff.labels.weekday.${weekday}`)}
              </TableCell>
            );
            if (day.length === 0) {
              return [
                <TableRow key={weekday} data-testid={`hours-row-${weekday}`}>
                  {name(1)}
                  <TableCell colSpan={2} sx={{ color: 'text.secondary' }}>
                    {t('staff.hours.closed')}
                  </TableCell>
                </TableRow>,
              ];
            }
            // One line per interval, the weekday once beside them; only the last line closes the day.
            return day.map((h, i) => (
              <TableRow key={h.id} data-testid={i === 0 ? `hours-row-${weekday}` : undefined} sx={i < day.length - 1 ? { '& > td': { borderBottom: 0 } } : undefined}>
                {i === 0 && name(day.length)}
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{timeRange(h.opensAt, h.closesAt)}</TableCell>
                <TableCell>{demandText(h.demand)}</TableCell>
              </TableRow>
            ));
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function ExceptionsTable({ exceptions, openCounters }: { exceptions: readonly DeskOpeningExceptionFragment[]; openCounters: number }) {
  const { t } = useTranslation();
  const demandText = useDemandText(openCounters);
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('staff.exceptions.title')} data-testid="exceptions-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('staff.exceptions.day')}</TableCell>
            <TableCell>{t('staff.exceptions.hours')}</TableCell>
            <TableCell>{t('staff.hours.demand')}</TableCell>
            <TableCell>{t('staff.exceptions.reason')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {exceptions.map((e) => (
            <TableRow key={e.id} data-testid="exception-row">
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${t(`staff.labels.weekday.${isoWeekday(e.day) as 1}`)}, ${formatDate(e.day)}`}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{e.opensAt && e.closesAt ? timeRange(e.opensAt, e.closesAt) : t('staff.exceptions.closed')}</TableCell>
              <TableCell sx={{ minWidth: 120 }}>{e.opensAt ? demandText(e.demand) : '—'}</TableCell>
              <TableCell sx={{ minWidth: 200 }}>{e.note}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

type Dialog = { kind: 'counter'; counter?: DeskCounterFragment } | { kind: 'hours' } | { kind: 'exception' };

/**
 * A desk's counters (by number, the fields each serves, its status), its weekly opening hours and the
 * days of the coming year that open differently; those who keep the register (post office managers,
 * administrators) add and edit them, others read.
 */
export function DeskCountersSection({ deskId }: { deskId: string }) {
  const { t } = useTranslation();
  const canManage = useCanManageStaff();
  const from = todayIso();
  const to = addDays(from, EXCEPTION_DAYS);
  const { data, loading, error, refetch } = useQuery(DeskCountersDocument, { variables: { id: deskId, from, to } });
  const desk = data?.oneStopDesk;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  if (loading && !desk) return <LinearProgress aria-label={t('status.loading')} sx={{ mb: 2 }} />;
  if (error || !desk) {
    return error ? (
      <Alert severity="error" sx={{ mb: 2 }}>
        {t('staff.counters.loadError')}
      </Alert>
    ) : null;
  }
  const open = desk.counters.filter((c) => c.status === 'OPEN').length;
  const nextNumber = desk.counters.reduce((n, c) => Math.max(n, c.number), 0) + 1;

  return (
    <Stack spacing={2} sx={{ mb: 2 }} data-testid="desk-counters">
      <Section
        title={t('staff.counters.title')}
        subtitle={desk.counters.length ? t('staff.counters.count', { count: desk.counters.length, open }) : undefined}
        testId="desk-counters-list"
        action={
          canManage && (
            <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => setDialog({ kind: 'counter' })} data-testid="create-counter">
              {t('staff.counters.create')}
            </Button>
          )
        }
      >
        {desk.counters.length === 0 ? (
          <Typography {...EMPTY_TEXT}>{t('staff.counters.empty')}</Typography>
        ) : (
          <CountersTable counters={desk.counters} onEdit={canManage ? (counter) => setDialog({ kind: 'counter', counter }) : undefined} />
        )}
      </Section>
        <Section
          title={t('staff.hours.title')}
          testId="desk-hours"
          action={
            canManage && (
              <Button variant="outlined" size="small" startIcon={<ScheduleIcon />} onClick={() => setDialog({ kind: 'hours' })} data-testid="edit-hours">
                {t('staff.hours.edit')}
              </Button>
            )
          }
        >
          {desk.openingHours.length === 0 ? <Typography {...EMPTY_TEXT}>{t('staff.hours.none')}</Typography> : <WeekHoursTable hours={desk.openingHours} openCounters={open} />}
        </Section>
        <Section
          title={t('staff.exceptions.title')}
          subtitle={t('staff.exceptions.range', { from: formatDate(from), to: formatDate(to) })}
          testId="desk-exceptions"
          action={
            canManage && (
              <Button variant="outlined" size="small" startIcon={<EventBusyIcon />} onClick={() => setDialog({ kind: 'exception' })} data-testid="add-exception">
                {t('staff.exceptions.add')}
              </Button>
            )
          }
        >
          {desk.openingExceptions.length === 0 ? <Typography {...EMPTY_TEXT}>{t('staff.exceptions.empty')}</Typography> : <ExceptionsTable exceptions={desk.openingExceptions} openCounters={open} />}
        </Section>
      {dialog?.kind === 'counter' && <CounterDialog deskId={deskId} counter={dialog.counter} nextNumber={nextNumber} onClose={close} onReload={() => void refetch()} />}
      {dialog?.kind === 'hours' && <OpeningHoursDialog deskId={deskId} hours={desk.openingHours} onClose={close} />}
      {dialog?.kind === 'exception' && <OpeningExceptionDialog deskId={deskId} onClose={close} />}
    </Stack>
  );
}
