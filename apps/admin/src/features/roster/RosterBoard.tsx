import { useTranslation } from 'react-i18next';
import { useDndContext, useDraggable, useDroppable } from '@dnd-kit/core';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlineOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import type { RosterCounterFragment, RosterShiftFragment } from '../../graphql/generated';
import { formatDate } from '../../dates';
import { cellId, shiftsOfCell, slotIndexOf, type BoardModel, type BoardSlot, type CellRef } from './board';
import { useRosterLabels } from './labels';
import type { DragItem } from './PeopleList';
import type { ClientConflict } from './rules';

/** A shift the auto-fill proposes, with the person's name (not saved until the proposal is accepted). */
export interface ProposedShift {
  key: string;
  name: string;
  counterId: string;
  day: string;
  startsAt: string;
  endsAt: string;
}

export interface RosterBoardProps {
  model: BoardModel;
  counters: readonly RosterCounterFragment[];
  shifts: readonly RosterShiftFragment[];
  canWrite: boolean;
  /** What the board knows would break a rule if the dragged item were dropped on a cell. */
  conflictsFor: (item: DragItem, cell: CellRef) => ClientConflict[];
  /** The API's refusals: on a cell (a new shift) or on a shift (a move). */
  cellErrors: Record<string, string>;
  shiftErrors: Record<string, string>;
  /** Shifts a refusal names as the one collided with. */
  colliding: ReadonlySet<string>;
  onDismissCell: (id: string) => void;
  onDismissShift: (id: string) => void;
  /** Swap mode: clicking a shift selects it. */
  swapSelection: readonly string[] | null;
  onShiftClick: (shift: RosterShiftFragment) => void;
  onAdd: (cell: CellRef) => void;
  /** The auto-fill's proposal being previewed. */
  proposed: readonly ProposedShift[];
}

/** The API's refusal, in the cell or under the shift it concerns: the whole width of the cell, a small button to hide it. */
function RefusalNote({ message, onDismiss, testId }: { message: string; onDismiss: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Box
      role="alert"
      data-testid={testId}
      className="no-print"
      sx={{
        mt: 0.5,
        p: 0.5,
        pr: 2.5,
        position: 'relative',
        borderRadius: 1,
        bgcolor: '#fdecea',
        border: 1,
        borderColor: 'error.light',
        color: 'error.dark',
        fontSize: '0.75rem',
        lineHeight: 1.35,
      }}
    >
      {message}
      <IconButton
        size="small"
        onClick={onDismiss}
        aria-label={t('roster.refusal.dismiss')}
        title={t('roster.refusal.dismiss')}
        sx={{ position: 'absolute', top: 0, right: 0, p: 0.25, color: 'error.dark' }}
      >
        <CloseIcon sx={{ fontSize: 14 }} />
      </IconButton>
    </Box>
  );
}

/** PLANNED and PUBLISHED look different (dashed and pale, solid and tinted) and say so in words. */
function ShiftCard({
  shift,
  canWrite,
  error,
  colliding,
  selected,
  onClick,
  onDismiss,
}: {
  shift: RosterShiftFragment;
  canWrite: boolean;
  error?: string;
  colliding: boolean;
  selected: boolean;
  onClick: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `shift|${shift.id}`,
    data: { kind: 'shift', shiftId: shift.id } satisfies DragItem,
    disabled: !canWrite,
    attributes: { roleDescription: t('roster.announce.roleDescription') },
  });
  const published = shift.status === 'PUBLISHED';
  return (
    <Box sx={{ mb: 0.5 }}>
      <Box
        ref={setNodeRef}
        {...(canWrite ? listeners : {})}
        {...(canWrite ? attributes : { role: 'button', tabIndex: 0 })}
        onClick={onClick}
        onKeyDown={(e) => {
          // Enter opens the shift (space picks it up to drag).
          if (e.key === 'Enter') {
            e.preventDefault();
            onClick();
            return;
          }
          if (canWrite) listeners?.onKeyDown?.(e);
        }}
        data-testid="roster-shift"
        data-shift={shift.id}
        data-status={shift.status}
        data-person={shift.staff?.fullName}
        aria-label={`${shift.staff?.fullName ?? ''}, ${shift.startsAt}–${shift.endsAt}, ${t(`roster.status.${shift.status}`)}`}
        className={`roster-shift roster-shift-${shift.status.toLowerCase()}`}
        sx={{
          px: 0.75,
          py: 0.5,
          borderRadius: 1,
          border: 1,
          borderStyle: published ? 'solid' : 'dashed',
          borderColor: error || colliding ? 'error.main' : published ? 'primary.main' : 'grey.500',
          borderWidth: error || colliding || selected ? 2 : 1,
          bgcolor: selected ? 'secondary.light' : published ? '#e3edfb' : 'background.paper',
          cursor: canWrite ? 'grab' : 'pointer',
          opacity: isDragging ? 0.4 : 1,
          touchAction: canWrite ? 'none' : undefined,
          outline: selected ? 2 : 0,
          outlineColor: 'secondary.dark',
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main' },
        }}
      >
        <Typography variant="body2" sx={{ fontWeight: 500, lineHeight: 1.25, overflowWrap: 'anywhere' }}>
          {shift.staff?.fullName}
        </Typography>
        <Typography variant="caption" component="div" className="roster-shift-times" sx={{ lineHeight: 1.3 }}>
          {shift.startsAt}–{shift.endsAt}
        </Typography>
        <Typography
          variant="caption"
          component="div"
          className="roster-shift-status"
          data-testid="roster-shift-status"
          sx={{
            lineHeight: 1.3,
            fontWeight: published ? 500 : 400,
            fontStyle: published ? 'normal' : 'italic',
            color: published ? 'primary.dark' : 'text.secondary',
          }}
        >
          {t(`roster.status.${shift.status}`)}
          {selected && ` · ${t('roster.swap.selected')}`}
          {colliding && !error && ` · ${t('roster.refusal.collides')}`}
        </Typography>
      </Box>
      {error && <RefusalNote message={error} onDismiss={onDismiss} testId="roster-shift-error" />}
    </Box>
  );
}

function Cell({
  cell,
  slot,
  counter,
  props,
  dayLabel,
}: {
  cell: CellRef;
  slot: BoardSlot | undefined;
  counter: RosterCounterFragment;
  props: RosterBoardProps;
  dayLabel: string;
}) {
  const { t } = useTranslation();
  const { conflictText } = useRosterLabels();
  const id = cellId(cell);
  const droppable = Boolean(slot) && props.canWrite;
  const { setNodeRef, isOver } = useDroppable({ id, disabled: !droppable, data: cell });
  const { active } = useDndContext();
  const item = (active?.data.current ?? null) as DragItem | null;
  const shifts = slot ? shiftsOfCell(props.model, props.shifts, cell) : [];
  const day = props.model.days.find((d) => d.day === cell.day);
  const proposed = slot && day ? props.proposed.filter((p) => p.counterId === cell.counterId && p.day === cell.day && slotIndexOf(day, p) === cell.slot) : [];
  const conflicts = item && droppable ? props.conflictsFor(item, cell) : [];
  const error = props.cellErrors[id];
  // Room for another shift: the slot is not covered from opening to closing.
  const covered = Boolean(slot) && shifts.some((s) => slot && s.startsAt <= slot.opensAt && s.endsAt >= slot.closesAt);
  const gap = slot && !slot.closed && slot.gap > 0;
  if (!slot) {
    return (
      <Box component="td" className="roster-cell roster-cell-closed" sx={{ bgcolor: 'grey.100', color: 'text.disabled', textAlign: 'center' }}>
        <Typography variant="caption">{t('roster.board.notOpen')}</Typography>
      </Box>
    );
  }
  return (
    <Box
      component="td"
      ref={setNodeRef}
      data-testid="roster-cell"
      data-counter={counter.number}
      data-day={cell.day}
      data-slot={cell.slot}
      data-gap={gap ? 'true' : 'false'}
      data-drop={item && droppable ? (conflicts.length ? 'refused' : 'ok') : undefined}
      className="roster-cell"
      sx={{
        position: 'relative',
        bgcolor: slot.closed ? 'grey.100' : gap && shifts.length === 0 ? '#fdecea' : undefined,
        outline: item && droppable ? (isOver ? 3 : 1) : 0,
        outlineStyle: 'dashed',
        outlineOffset: -3,
        outlineColor: conflicts.length ? 'error.main' : 'success.main',
      }}
    >
      {shifts.map((shift) => (
        <ShiftCard
          key={shift.id}
          shift={shift}
          canWrite={props.canWrite}
          error={props.shiftErrors[shift.id]}
          colliding={props.colliding.has(shift.id)}
          selected={Boolean(props.swapSelection?.includes(shift.id))}
          onClick={() => props.onShiftClick(shift)}
          onDismiss={() => props.onDismissShift(shift.id)}
        />
      ))}
      {proposed.map((p) => (
        <ProposalCard key={p.key} shift={p} />
      ))}
      {shifts.length === 0 && proposed.length === 0 && gap && (
        <Typography variant="caption" color="error.dark" component="div" sx={{ fontWeight: 500 }}>
          {t('roster.board.empty')}
        </Typography>
      )}
      {slot.closed && (
        <Typography variant="caption" color="text.secondary" component="div">
          {t('roster.board.closedSlot')}
        </Typography>
      )}
      {isOver && item && (
        <Typography
          variant="caption"
          component="div"
          data-testid="roster-drop-hint"
          sx={{ color: conflicts.length ? 'error.dark' : 'success.dark', display: 'flex', gap: 0.5, alignItems: 'flex-start' }}
        >
          {conflicts.length ? <WarningAmber sx={{ fontSize: 14, mt: 0.25 }} /> : <CheckCircleOutline sx={{ fontSize: 14, mt: 0.25 }} />}
          {conflicts.length ? t('roster.board.dropRefused', { reason: conflictText(conflicts[0]) }) : t('roster.board.dropHere')}
        </Typography>
      )}
      {error && <RefusalNote message={error} onDismiss={() => props.onDismissCell(id)} testId="roster-cell-error" />}
      {props.canWrite && !slot.closed && !props.swapSelection && !covered && (
        <IconButton
          size="small"
          className="no-print roster-add"
          aria-label={t('roster.board.add', { number: counter.number, day: dayLabel, from: slot.opensAt, to: slot.closesAt })}
          title={t('roster.board.add', { number: counter.number, day: dayLabel, from: slot.opensAt, to: slot.closesAt })}
          onClick={() => props.onAdd(cell)}
          data-testid="roster-add"
          sx={{ p: 0.25, mt: 0.25, opacity: 0.7, '&:hover, &:focus-visible': { opacity: 1 } }}
        >
          <AddIcon fontSize="small" />
        </IconButton>
      )}
    </Box>
  );
}

/** A proposed shift: dotted green frame and the word "Đề xuất"; not dragged, not printed. */
function ProposalCard({ shift }: { shift: ProposedShift }) {
  const { t } = useTranslation();
  return (
    <Box
      data-testid="roster-proposed"
      data-person={shift.name}
      className="no-print"
      sx={{ mb: 0.5, px: 0.75, py: 0.5, borderRadius: 1, border: 2, borderStyle: 'dotted', borderColor: 'success.main', bgcolor: '#edf7ed' }}
    >
      <Typography variant="body2" sx={{ fontWeight: 500, lineHeight: 1.25, overflowWrap: 'anywhere' }}>
        {shift.name}
      </Typography>
      <Typography variant="caption" component="div" sx={{ lineHeight: 1.3 }}>
        {shift.startsAt}–{shift.endsAt}
      </Typography>
      <Typography variant="caption" component="div" sx={{ lineHeight: 1.3, fontWeight: 500, color: 'success.dark' }}>
        {t('roster.autofill.proposed')}
      </Typography>
    </Box>
  );
}

/** The coverage of a slot: staffed of demanded counters, the gap in words and colour. */
function CoverageTag({ slot }: { slot: BoardSlot | undefined }) {
  const { t } = useTranslation();
  if (!slot || slot.closed)
    return (
      <Typography variant="caption" color="text.disabled">
        {t('roster.board.notOpen')}
      </Typography>
    );
  if (slot.demanded === 0)
    return (
      <Typography variant="caption" color="text.secondary">
        {t('roster.coverage.none')}
      </Typography>
    );
  const gap = slot.gap > 0;
  return (
    <Box
      data-testid="roster-coverage"
      data-day={slot.day}
      data-opens={slot.opensAt}
      data-gap={slot.gap}
      sx={{
        display: 'inline-flex',
        alignItems: 'center',
        gap: 0.5,
        px: 0.75,
        py: 0.25,
        borderRadius: 1,
        fontSize: '0.75rem',
        fontWeight: 500,
        bgcolor: gap ? '#fdecea' : '#e8f5e9',
        color: gap ? 'error.dark' : 'success.dark',
        border: 1,
        borderColor: gap ? 'error.light' : 'success.light',
      }}
    >
      {gap ? <WarningAmber sx={{ fontSize: 14 }} /> : <CheckCircleOutline sx={{ fontSize: 14 }} />}
      {gap
        ? t('roster.coverage.gap', { gap: slot.gap, staffed: slot.staffed, demanded: slot.demanded })
        : t('roster.coverage.full', { staffed: slot.staffed, demanded: slot.demanded })}
    </Box>
  );
}

const stickyCol = { position: 'sticky', left: 0, zIndex: 1, bgcolor: 'background.paper' } as const;

/** Counters in rows (one line per opening slot of the day), days in columns; cells take dropped people and shifts. */
export function RosterBoard(props: RosterBoardProps) {
  const { t } = useTranslation();
  const { weekday } = useRosterLabels();
  const { model, counters } = props;
  const rows = Array.from({ length: model.rows }, (_, i) => i);
  return (
    <Box className="roster-board-scroll" sx={{ overflowX: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper' }}>
      <Box
        component="table"
        className="roster-table"
        aria-label={t('roster.board.label')}
        data-testid="roster-board"
        sx={{
          borderCollapse: 'separate',
          borderSpacing: 0,
          width: '100%',
          tableLayout: 'fixed',
          minWidth: 150 + model.days.length * 104,
          '& th, & td': { borderRight: 1, borderBottom: 1, borderColor: 'divider', p: 0.75, verticalAlign: 'top', textAlign: 'left' },
          '& thead th': { bgcolor: 'grey.50' },
          '& tbody.roster-counter-group > tr:first-of-type > *': { borderTop: '2px solid', borderTopColor: 'grey.400' },
          printColorAdjust: 'exact',
          WebkitPrintColorAdjust: 'exact',
        }}
      >
        <colgroup>
          <col style={{ width: 150 }} />
          {model.days.map((d) => (
            <col key={d.day} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <Box component="th" scope="col" sx={{ ...stickyCol, bgcolor: 'grey.50', zIndex: 2 }}>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {t('roster.board.counter')}
              </Typography>
            </Box>
            {model.days.map((d) => (
              <th key={d.day} scope="col" data-testid="roster-day">
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {weekday(d.day)}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {formatDate(d.day)}
                </Typography>
              </th>
            ))}
          </tr>
          {rows.map((i) => (
            <tr key={i}>
              <Box component="th" scope="row" sx={{ ...stickyCol, bgcolor: 'grey.50', zIndex: 2 }}>
                <Typography variant="caption" component="div" sx={{ fontWeight: 500 }}>
                  {t('roster.board.coverage')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('roster.board.slot', { from: model.rowTimes[i].opensAt, to: model.rowTimes[i].closesAt })}
                </Typography>
              </Box>
              {model.days.map((d) => (
                <td key={d.day}>
                  <CoverageTag slot={d.slots[i]} />
                  {d.slots[i] &&
                    !d.slots[i].closed &&
                    (d.slots[i].opensAt !== model.rowTimes[i].opensAt || d.slots[i].closesAt !== model.rowTimes[i].closesAt) && (
                      <Typography variant="caption" component="div" color="warning.dark">
                        {d.slots[i].opensAt}–{d.slots[i].closesAt}
                      </Typography>
                    )}
                </td>
              ))}
            </tr>
          ))}
        </thead>
        {counters.map((counter) => (
          <tbody key={counter.id} className="roster-counter-group">
            {rows.map((i) => (
              <tr key={`${counter.id}-${i}`} data-testid={i === 0 ? 'roster-counter' : undefined}>
                <Box component="th" scope="row" sx={stickyCol}>
                  {i === 0 && (
                    <>
                      <Typography variant="body2" sx={{ fontWeight: 600 }}>
                        {t('roster.board.counterNumber', { number: counter.number })}
                        {counter.status !== 'OPEN' && ` · ${t('roster.board.counterClosed')}`}
                      </Typography>
                      <Typography variant="caption" component="div" sx={{ lineHeight: 1.3 }}>
                        {counter.name}
                      </Typography>
                      <Typography variant="caption" component="div" color="text.secondary" className="roster-fields" sx={{ lineHeight: 1.3, mb: 0.5 }}>
                        {counter.fields.length ? counter.fields.map((f) => f.name).join(', ') : t('roster.board.anyField')}
                      </Typography>
                    </>
                  )}
                  <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 500 }}>
                    {model.rowTimes[i].opensAt}–{model.rowTimes[i].closesAt}
                  </Typography>
                </Box>
                {model.days.map((d) => (
                  <Cell
                    key={d.day}
                    cell={{ counterId: counter.id, day: d.day, slot: i }}
                    slot={d.slots[i]}
                    counter={counter}
                    props={props}
                    dayLabel={`${weekday(d.day)} ${formatDate(d.day)}`}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </Box>
    </Box>
  );
}
