import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import { formatDate, addDays, todayIso } from '../../dates';
import { StaffMemberShiftsDocument, type StaffDetailFragment } from '../../graphql/generated';
import { Section } from '../handover/Section';
import { timeRange } from './days';
import { AssignDialog, EndAssignmentDialog, QualificationDialog } from './StaffDialogs';
import { QualificationStateChip, ShiftStatusChip } from './StaffChips';
import { useShiftText } from './shiftText';

export const deskHref = (id: string) => `/organisation/desks/${id}`;
export const trainingHref = (id: string) => `/staff/training/${id}`;

type Assignment = StaffDetailFragment['assignments'][number];

/** Where an assignment stands today. */
export function assignmentState(a: { startsOn: string; endsOn?: string | null }, today: string): 'current' | 'ended' | 'upcoming' {
  if (a.startsOn > today) return 'upcoming';
  if (a.endsOn && a.endsOn < today) return 'ended';
  return 'current';
}

const EMPTY_TEXT = { variant: 'body2', color: 'text.secondary' } as const;

/** Phân công tới bộ phận: the desks the person is or was deployed to, latest first; assign, end. */
export function StaffAssignments({ staff, canManage }: { staff: StaffDetailFragment; canManage: boolean }) {
  const { t } = useTranslation();
  const today = todayIso();
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Assignment | null>(null);
  return (
    <Section
      title={t('staff.page.sections.assignments')}
      testId="staff-assignments"
      action={
        canManage &&
        staff.status !== 'LEFT' && (
          <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)} data-testid="add-assignment">
            {t('staff.assignments.add')}
          </Button>
        )
      }
    >
      {staff.assignments.length === 0 ? (
        <Typography {...EMPTY_TEXT}>{t('staff.assignments.empty')}</Typography>
      ) : (
        <TableContainer sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('staff.page.sections.assignments')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('staff.assignments.desk')}</TableCell>
                <TableCell>{t('staff.fields.status')}</TableCell>
                <TableCell>{t('staff.assignments.startsOn')}</TableCell>
                <TableCell>{t('staff.assignments.endsOn')}</TableCell>
                {canManage && <TableCell />}
              </TableRow>
            </TableHead>
            <TableBody>
              {staff.assignments.map((a) => {
                const state = assignmentState(a, today);
                return (
                  <TableRow key={a.id} data-testid="assignment-row">
                    <TableCell sx={{ minWidth: 200 }}>
                      {a.desk ? (
                        <Link component={RouterLink} to={deskHref(a.desk.id)}>
                          {a.desk.name}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell>
                      <Chip size="small" variant="outlined" color={state === 'current' ? 'success' : 'default'} label={t(`staff.assignments.state.${state}`)} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(a.startsOn)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{a.endsOn ? formatDate(a.endsOn) : t('staff.assignments.openEnded')}</TableCell>
                    {canManage && (
                      <TableCell align="right">
                        {state !== 'ended' && (
                          <Button
                            size="small"
                            onClick={() => setEnding(a)}
                            aria-label={t('staff.assignments.endLabel', { desk: a.desk?.name ?? '' })}
                            data-testid="end-assignment"
                          >
                            {t('staff.assignments.end')}
                          </Button>
                        )}
                      </TableCell>
                    )}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {adding && <AssignDialog staffId={staff.id} onClose={() => setAdding(false)} />}
      {ending && <EndAssignmentDialog assignment={ending} name={staff.fullName} onClose={() => setEnding(null)} />}
    </Section>
  );
}

/** Chứng nhận lĩnh vực: each qualification with its validity in words (expiring within 30 days, expired); add one. */
export function StaffQualifications({ staff, canManage }: { staff: StaffDetailFragment; canManage: boolean }) {
  const { t } = useTranslation();
  const today = todayIso();
  const [adding, setAdding] = useState(false);
  return (
    <Section
      title={t('staff.page.sections.qualifications')}
      testId="staff-qualifications"
      action={
        canManage && (
          <Button variant="outlined" size="small" startIcon={<AddIcon />} onClick={() => setAdding(true)} data-testid="add-qualification">
            {t('staff.qualifications.add')}
          </Button>
        )
      }
    >
      {staff.qualifications.length === 0 ? (
        <Typography {...EMPTY_TEXT}>{t('staff.qualifications.empty')}</Typography>
      ) : (
        <TableContainer sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('staff.page.sections.qualifications')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('staff.qualifications.field')}</TableCell>
                <TableCell>{t('staff.qualifications.state')}</TableCell>
                <TableCell>{t('staff.qualifications.expiresOn')}</TableCell>
                <TableCell>{t('staff.qualifications.trainedOn')}</TableCell>
                <TableCell>{t('staff.qualifications.certificateNumber')}</TableCell>
                <TableCell>{t('staff.qualifications.session')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {staff.qualifications.map((q) => (
                <TableRow key={q.id} data-testid="qualification-row">
                  <TableCell sx={{ minWidth: 140 }}>{q.field?.name ?? '—'}</TableCell>
                  <TableCell>
                    <QualificationStateChip qualification={q} today={today} />
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{q.expiresOn ? formatDate(q.expiresOn) : t('staff.qualification.noExpiry')}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(q.trainedOn)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{q.certificateNumber ?? '—'}</TableCell>
                  <TableCell sx={{ minWidth: 160 }}>
                    {q.trainingSession ? (
                      <Link component={RouterLink} to={trainingHref(q.trainingSession.id)}>
                        {`${q.trainingSession.place}, ${formatDate(q.trainingSession.heldOn)}`}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {adding && <QualificationDialog staffId={staff.id} onClose={() => setAdding(false)} />}
    </Section>
  );
}

/** How many weeks ahead the person's page shows their roster. */
export const ROSTER_WEEKS = 4;

/** Lịch trực: the person's shifts (not cancelled) from today for the coming weeks, by day and time. */
export function StaffRoster({ staffId, absences = [] }: { staffId: string; absences?: ReadonlyArray<{ startsOn: string; endsOn: string }> }) {
  const { t } = useTranslation();
  const { weekday } = useShiftText();
  const from = todayIso();
  const to = addDays(from, ROSTER_WEEKS * 7 - 1);
  const { data, loading, error } = useQuery(StaffMemberShiftsDocument, { variables: { id: staffId, from, to }, fetchPolicy: 'cache-and-network' });
  const shifts = data?.staffMember?.shifts ?? [];
  return (
    <Section title={t('staff.roster.title', { weeks: ROSTER_WEEKS })} subtitle={t('staff.roster.range', { from: formatDate(from), to: formatDate(to) })} testId="staff-roster">
      {loading && !data && <LinearProgress aria-label={t('status.loading')} />}
      {error && <Alert severity="error">{t('staff.roster.loadError')}</Alert>}
      {data && shifts.length === 0 && <Typography {...EMPTY_TEXT}>{t('staff.roster.empty')}</Typography>}
      {shifts.length > 0 && (
        <TableContainer sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('staff.roster.title', { weeks: ROSTER_WEEKS })}>
            <TableHead>
              <TableRow>
                <TableCell>{t('staff.roster.day')}</TableCell>
                <TableCell>{t('staff.roster.time')}</TableCell>
                <TableCell>{t('staff.roster.desk')}</TableCell>
                <TableCell>{t('staff.roster.counter')}</TableCell>
                <TableCell>{t('staff.roster.status')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shifts.map((s) => (
                <TableRow key={s.id} data-testid="roster-row">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{`${weekday(s.day)}, ${formatDate(s.day)}`}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{timeRange(s.startsAt, s.endsAt)}</TableCell>
                  <TableCell sx={{ minWidth: 180 }}>
                    {s.desk ? (
                      <Link component={RouterLink} to={deskHref(s.desk.id)}>
                        {s.desk.name}
                      </Link>
                    ) : (
                      '—'
                    )}
                  </TableCell>
                  <TableCell sx={{ minWidth: 120 }}>{s.counter ? t('staff.roster.counterValue', { number: s.counter.number, name: s.counter.name }) : '—'}</TableCell>
                  <TableCell>
                    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
                      <ShiftStatusChip status={s.status} />
                      {/* A shift the person cannot work: it falls on a day they are away. */}
                      {absences.some((a) => a.startsOn <= s.day && s.day <= a.endsOn) && (
                        <Chip size="small" color="warning" icon={<EventBusyIcon aria-hidden />} label={t('staff.roster.duringAbsence')} data-testid="roster-absent" />
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Section>
  );
}
