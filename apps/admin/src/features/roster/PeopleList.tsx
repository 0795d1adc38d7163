import { useTranslation } from 'react-i18next';
import { useDraggable } from '@dnd-kit/core';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DragIndicator from '@mui/icons-material/DragIndicator';
import type { RosterPersonFragment, RosterShiftFragment } from '../../graphql/generated';
import { formatDate, addDays } from '../../dates';
import { currentLanguage } from '../../i18n';
import { MAX_MINUTES_PER_WEEK, weekMinutes } from './rules';
import { hoursText } from './week';

/** What is dragged: a person from the list, or a shift on the board. */
export type DragItem = { kind: 'person'; personId: string } | { kind: 'shift'; shiftId: string };

const short = (day: string) => formatDate(day).slice(0, 5);

/** One person: hours this week, qualifications (expired ones struck out), absences this week; dragged onto a cell to plan a shift. */
function PersonCard({
  person,
  board,
  monday,
  deskId,
  canWrite,
}: {
  person: RosterPersonFragment;
  board: readonly RosterShiftFragment[];
  monday: string;
  deskId: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `person|${person.id}`,
    data: { kind: 'person', personId: person.id } satisfies DragItem,
    disabled: !canWrite,
    attributes: { roleDescription: t('roster.announce.roleDescription') },
  });
  const sunday = addDays(monday, 6);
  const minutes = weekMinutes(person, board, monday);
  const over = minutes > MAX_MINUTES_PER_WEEK;
  const absences = person.absences.filter((a) => a.startsOn <= sunday && a.endsOn >= monday);
  const elsewhere = person.shifts.some((s) => s.desk && s.desk.id !== deskId);
  // The latest qualification per field.
  const byField = new Map<string, RosterPersonFragment['qualifications'][number]>();
  for (const q of person.qualifications) {
    if (!q.field) continue;
    const seen = byField.get(q.field.id);
    if (!seen || (seen.expiresOn && (!q.expiresOn || q.expiresOn > seen.expiresOn))) byField.set(q.field.id, q);
  }
  const qualifications = [...byField.values()].sort((a, b) => (a.field?.name ?? '').localeCompare(b.field?.name ?? '', 'vi'));
  return (
    <Box
      ref={setNodeRef}
      {...(canWrite ? { ...listeners, ...attributes } : {})}
      aria-label={canWrite ? t('roster.people.drag', { name: person.fullName }) : undefined}
      data-testid="roster-person"
      data-person={person.fullName}
      sx={{
        p: 1,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        cursor: canWrite ? 'grab' : 'default',
        opacity: isDragging ? 0.5 : 1,
        touchAction: canWrite ? 'none' : undefined,
        '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
      }}
    >
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'flex-start' }}>
        {canWrite && <DragIndicator fontSize="small" sx={{ color: 'text.secondary', mt: 0.25 }} aria-hidden />}
        <Box sx={{ minWidth: 0, flexGrow: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {person.fullName}
          </Typography>
          {person.status !== 'ACTIVE' && (
            <Typography variant="caption" color="warning.main" component="div">
              {t(`roster.staffStatus.${person.status}`)}
            </Typography>
          )}
          <Typography variant="caption" color={over ? 'error.main' : 'text.secondary'} component="div" data-testid="roster-person-hours">
            {t('roster.people.hours', { hours: hoursText(minutes, currentLanguage()) })}
            {over && ` · ${t('roster.people.overHours')}`}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={Math.min(100, (minutes / MAX_MINUTES_PER_WEEK) * 100)}
            color={over ? 'error' : 'primary'}
            aria-hidden
            sx={{ height: 4, borderRadius: 2, my: 0.5 }}
          />
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
            {qualifications.length === 0 && (
              <Typography variant="caption" color="text.secondary">
                {t('roster.people.noQualification')}
              </Typography>
            )}
            {qualifications.map((q) => {
              const expired = Boolean(q.expiresOn && q.expiresOn < monday);
              return (
                <Chip
                  key={q.id}
                  size="small"
                  variant="outlined"
                  color={expired ? 'error' : 'default'}
                  label={expired ? t('roster.people.expired', { field: q.field?.name, date: formatDate(q.expiresOn) }) : q.field?.name}
                  sx={{ height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.25 }, ...(expired ? { textDecoration: 'line-through' } : {}) }}
                />
              );
            })}
          </Box>
          {absences.map((a) => (
            <Typography key={a.id} variant="caption" color="warning.dark" component="div">
              {t('roster.people.absent', { kind: t(`roster.absenceKinds.${a.kind}`), from: short(a.startsOn), to: short(a.endsOn) })}
            </Typography>
          ))}
          {elsewhere && (
            <Typography variant="caption" color="text.secondary" component="div">
              {t('roster.people.elsewhere')}
            </Typography>
          )}
        </Box>
      </Stack>
    </Box>
  );
}

export function PeopleList({
  people,
  total,
  board,
  monday,
  deskId,
  canWrite,
}: {
  people: readonly RosterPersonFragment[];
  total: number;
  board: readonly RosterShiftFragment[];
  monday: string;
  deskId: string;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack spacing={1} data-testid="roster-people">
      {canWrite && people.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          {t('roster.people.hint')}
        </Typography>
      )}
      {people.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('roster.people.none')}
        </Typography>
      )}
      {people.map((person) => (
        <PersonCard key={person.id} person={person} board={board} monday={monday} deskId={deskId} canWrite={canWrite} />
      ))}
      {total > people.length && (
        <Typography variant="caption" color="text.secondary">
          {t('roster.people.more', { count: total - people.length })}
        </Typography>
      )}
    </Stack>
  );
}
