import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import ButtonGroup from '@mui/material/ButtonGroup';
import GlobalStyles from '@mui/material/GlobalStyles';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import PrintOutlined from '@mui/icons-material/PrintOutlined';
import PublishOutlined from '@mui/icons-material/PublishOutlined';
import SwapHorizOutlined from '@mui/icons-material/SwapHorizOutlined';
import AutoFixHighOutlined from '@mui/icons-material/AutoFixHighOutlined';
import {
  CreateRosterShiftDocument,
  MoveRosterShiftDocument,
  RosterAutoFillJobDocument,
  RosterBoardDocument,
  StartRosterAutoFillDocument,
  type RosterPersonFragment,
  type RosterShiftFragment,
} from '../../graphql/generated';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem, errorExtension, type ApiProblem } from '../../graphql/errors';
import { formatDate, addDays, todayIso } from '../../dates';
import { useAddressParams } from '../../hooks/useAddressParams';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { NoAccessPage } from '../../pages/NoAccessPage';
import { useRosterAccess } from './access';
import { boardModel, cellId, slotIndexOf, timesInSlot, type CellRef } from './board';
import { DeskPicker, useMyDesks, type DeskOption } from './DeskPicker';
import { useRosterLabels } from './labels';
import { PeopleList, type DragItem } from './PeopleList';
import { AutoFillPanel } from './AutoFillPanel';
import { RosterBoard, type ProposedShift } from './RosterBoard';
import { AddShiftDialog, CancelShiftDialog, CheckDialog, CopyWeekDialog, PublishDialog, REFETCH, ShiftDialog, SwapDialog, isStale } from './RosterDialogs';
import { clientConflicts, type ClientConflict } from './rules';
import { mondayOf, toMinutes, weekOfParam } from './week';

/** The print stylesheet: the week alone on A4 landscape, without the app's frame or any button. */
const PRINT_STYLES = (
  <GlobalStyles
    styles={{
      '.print-only': { display: 'none' },
      '@media print': {
        '@page': { size: 'A4 landscape', margin: '8mm' },
        'html, body': { background: '#fff !important' },
        'header.MuiAppBar-root, .MuiDrawer-root, .MuiDrawer-docked, a[href="#main-content"], .no-print, .MuiSnackbar-root, .MuiLinearProgress-root': {
          display: 'none !important',
        },
        'main#main-content': { padding: '0 !important' },
        'main#main-content > .MuiToolbar-root': { display: 'none !important' },
        '.print-only': { display: 'block !important' },
        '.roster-board-scroll': { overflow: 'visible !important', border: 'none !important' },
        // A desk of six counters fits one page.
        '.roster-table': { minWidth: '0 !important', fontSize: '8pt', zoom: 0.9 },
        '.roster-table th, .roster-table td': { padding: '1px 3px !important', position: 'static !important' },
        '.roster-table .MuiTypography-root': { fontSize: '8pt !important' },
        '.roster-table tr': { breakInside: 'avoid' },
        '.roster-shift': { marginBottom: '1px', padding: '1px 4px !important', breakInside: 'avoid' },
        // A counter's lines stay on one page; a shift reads on two lines (name, then times and status).
        '.roster-counter-group': { breakInside: 'avoid' },
        '.roster-fields, .roster-add': { display: 'none !important' },
        '.roster-shift .roster-shift-times, .roster-shift .roster-shift-status': { display: 'inline !important' },
        '.roster-shift .roster-shift-status::before': { content: '" · "' },
      },
    }}
  />
);

/** A drop lands in the cell under the pointer (a tall card would otherwise reach the next row); the keyboard uses the card's box. */
const underPointer: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

type Dialog =
  | { kind: 'add'; cell: CellRef }
  | { kind: 'shift'; shiftId: string }
  | { kind: 'cancel'; shiftId: string }
  | { kind: 'swap'; first: string; second: string }
  | { kind: 'publish' }
  | { kind: 'copy' };

interface Refusals {
  /** Message by cell id (a new shift refused) or shift id (a move refused). */
  cells: Record<string, string>;
  shifts: Record<string, string>;
  /** The shift each refusal names as the one collided with, by the same keys. */
  colliding: Record<string, string>;
}

const NO_REFUSALS: Refusals = { cells: {}, shifts: {}, colliding: {} };

/** The week of one desk: coverage, the board and the people, and every write on them. */
function RosterWeek({ deskId, monday, canWrite, fromForecast = false }: { deskId: string; monday: string; canWrite: boolean; fromForecast?: boolean }) {
  const { t } = useTranslation();
  const theme = useTheme();
  const wide = useMediaQuery(theme.breakpoints.up('lg'));
  const { dayLabel, conflictText, shiftPlace } = useRosterLabels();
  const sunday = addDays(monday, 6);
  const { data, previousData, loading, error, refetch } = useQuery(RosterBoardDocument, { variables: { deskId, from: monday, to: sunday } });
  const board = data ?? (previousData?.oneStopDesk?.id === deskId ? previousData : undefined);
  const desk = board?.oneStopDesk;
  const shifts = useMemo(() => desk?.shifts ?? [], [desk]);
  const counters = useMemo(() => (desk?.counters ?? []).filter((c) => c.status === 'OPEN' || shifts.some((s) => s.counter?.id === c.id)), [desk, shifts]);
  const people = useMemo(() => (board?.staffMembers.edges ?? []).map((e) => e.node), [board]);
  const model = useMemo(() => boardModel(monday, desk?.coverage.slots ?? [], shifts), [monday, desk, shifts]);
  useDocumentTitle(desk ? `${t('roster.title')} · ${desk.name}` : t('roster.title'));

  const [create] = useMutation(CreateRosterShiftDocument, REFETCH);
  const [move] = useMutation(MoveRosterShiftDocument, REFETCH);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [check, setCheck] = useState<{ what: string; messages: string[]; send: () => void } | null>(null);
  const [refusals, setRefusals] = useState<Refusals>(NO_REFUSALS);
  const [stale, setStale] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [swap, setSwap] = useState<string[] | null>(null);
  const [swapHint, setSwapHint] = useState<string | null>(null);
  const [dragging, setDragging] = useState<DragItem | null>(null);
  const [showPeople, setShowPeople] = useState(false);
  const [autofill, setAutofill] = useState<{ jobId: string | null; starting: boolean; problem: ApiProblem | null } | null>(null);
  const [startAutofill] = useMutation(StartRosterAutoFillDocument);
  const jobQuery = useQuery(RosterAutoFillJobDocument, { variables: { id: autofill?.jobId ?? '' }, skip: !autofill?.jobId });
  const job = autofill?.jobId ? (jobQuery.data?.rosterAutoFillJob ?? null) : null;
  const jobRunning = job?.status === 'QUEUED' || job?.status === 'RUNNING';
  const { startPolling, stopPolling } = jobQuery;
  // The solver works in the background: ask again every second until it is done.
  useEffect(() => {
    if (jobRunning) startPolling(1000);
    else stopPolling();
    return () => stopPolling();
  }, [jobRunning, startPolling, stopPolling]);
  const askAutofill = async () => {
    setAutofill({ jobId: null, starting: true, problem: null });
    try {
      const { data: started } = await startAutofill({ variables: { input: { deskId, from: monday, to: sunday, ...(fromForecast ? { demandSource: 'FORECAST' as const } : {}) } } });
      setAutofill({ jobId: started?.startRosterAutoFill.job.id ?? null, starting: false, problem: null });
    } catch (e) {
      setAutofill({ jobId: null, starting: false, problem: apiProblem(e) });
    }
  };

  // A new week or desk starts clean.
  useEffect(() => {
    setRefusals(NO_REFUSALS);
    setSwap(null);
    setStale(false);
    setProblem(null);
    setAutofill(null);
  }, [deskId, monday]);
  // Arrived from the forecast page ("Dùng làm nhu cầu xếp lịch"): auto-fill the week with the forecast's demand, once.
  const askedFromForecast = useRef(false);
  useEffect(() => {
    if (fromForecast && canWrite && !askedFromForecast.current) {
      askedFromForecast.current = true;
      void askAutofill();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromForecast, canWrite]);

  const personOf = useCallback((id: string | undefined) => people.find((p) => p.id === id), [people]);
  const slotOf = (cell: CellRef) => model.days.find((d) => d.day === cell.day)?.slots[cell.slot];
  const cellOfShift = (shift: RosterShiftFragment): CellRef | null => {
    const day = model.days.find((d) => d.day === shift.day);
    return day && shift.counter ? { counterId: shift.counter.id, day: shift.day, slot: slotIndexOf(day, shift) } : null;
  };

  /** What the board knows a drop would break (empty: nothing it can see). */
  const conflictsFor = useCallback(
    (item: DragItem, cell: CellRef): ClientConflict[] => {
      const slot = model.days.find((d) => d.day === cell.day)?.slots[cell.slot];
      const counter = counters.find((c) => c.id === cell.counterId);
      if (!slot || slot.closed || !counter) return [];
      if (item.kind === 'person') {
        const person = personOf(item.personId);
        if (!person) return [];
        return clientConflicts(
          { staffId: person.id, counterId: counter.id, day: cell.day, startsAt: toMinutes(slot.opensAt), endsAt: toMinutes(slot.closesAt) },
          { person, counter, board: shifts },
        );
      }
      const shift = shifts.find((s) => s.id === item.shiftId);
      const person = personOf(shift?.staff?.id);
      if (!shift || !person) return [];
      const times = timesInSlot(shift, slot);
      return clientConflicts(
        { staffId: person.id, counterId: counter.id, day: cell.day, startsAt: toMinutes(times.startsAt), endsAt: toMinutes(times.endsAt) },
        { person, counter, board: shifts, ignore: shift.id },
      );
    },
    [counters, model, personOf, shifts],
  );

  const clearRefusal = (key: string) =>
    setRefusals((r) => {
      const { [key]: _c, ...cells } = r.cells;
      const { [key]: _s, ...shiftErrors } = r.shifts;
      const { [key]: _x, ...colliding } = r.colliding;
      return { cells, shifts: shiftErrors, colliding };
    });

  /** The API's answer to a drop: on the cell (a new shift) or on the shift (a move); a stale version or the network above the board. */
  const refused = (error: unknown, key: string, on: 'cells' | 'shifts') => {
    const found = apiProblem(error);
    if (!found) return;
    if (isStale(error)) {
      setStale(true);
      return;
    }
    if (found.code === 'NETWORK' || found.code === 'UNKNOWN' || found.code === 'UNAUTHENTICATED') {
      setProblem(found);
      return;
    }
    const message = Object.values(found.fields)[0] ?? found.message;
    const other = errorExtension<string>(error, 'shiftId');
    setRefusals((r) => ({ ...r, [on]: { ...r[on], [key]: message }, colliding: other ? { ...r.colliding, [key]: other } : r.colliding }));
  };

  const createAt = async (cell: CellRef, person: RosterPersonFragment, startsAt: string, endsAt: string) => {
    const key = cellId(cell);
    clearRefusal(key);
    try {
      await create({ variables: { input: { staffId: person.id, counterId: cell.counterId, day: cell.day, startsAt, endsAt } } });
      setNotice(t('roster.saved.created', { name: person.fullName }));
    } catch (e) {
      refused(e, key, 'cells');
    }
  };

  const moveTo = async (shift: RosterShiftFragment, cell: CellRef, startsAt: string, endsAt: string) => {
    clearRefusal(shift.id);
    const input = { id: shift.id, version: shift.version, counterId: cell.counterId, day: cell.day, startsAt, endsAt };
    try {
      await move({ variables: { input } });
      setNotice(t('roster.saved.moved', { name: shift.staff?.fullName ?? '' }));
    } catch (e) {
      refused(e, shift.id, 'shifts');
    }
  };

  const onDragStart = (event: DragStartEvent) => setDragging((event.active.data.current as DragItem | undefined) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    const item = event.active.data.current as DragItem | undefined;
    const cell = event.over?.data.current as CellRef | undefined;
    if (!item || !cell) return;
    const slot = slotOf(cell);
    const counter = counters.find((c) => c.id === cell.counterId);
    if (!slot || slot.closed || !counter) return;
    const conflicts = conflictsFor(item, cell);
    if (item.kind === 'person') {
      const person = personOf(item.personId);
      if (!person) return;
      const send = () => void createAt(cell, person, slot.opensAt, slot.closesAt);
      if (conflicts.length === 0) send();
      else
        setCheck({
          what: t('roster.check.create', { name: person.fullName, number: counter.number, day: dayLabel(cell.day), from: slot.opensAt, to: slot.closesAt }),
          messages: conflicts.map(conflictText),
          send,
        });
      return;
    }
    const shift = shifts.find((s) => s.id === item.shiftId);
    if (!shift) return;
    const from = cellOfShift(shift);
    if (from && cellId(from) === cellId(cell)) return;
    const times = timesInSlot(shift, slot);
    const send = () => void moveTo(shift, cell, times.startsAt, times.endsAt);
    if (conflicts.length === 0) send();
    else
      setCheck({
        what: t('roster.check.move', {
          name: shift.staff?.fullName ?? '',
          number: counter.number,
          day: dayLabel(cell.day),
          from: times.startsAt,
          to: times.endsAt,
        }),
        messages: conflicts.map(conflictText),
        send,
      });
  };

  const onShiftClick = (shift: RosterShiftFragment) => {
    if (!swap) {
      if (canWrite) setDialog({ kind: 'shift', shiftId: shift.id });
      return;
    }
    if (swap.includes(shift.id)) {
      setSwap(swap.filter((id) => id !== shift.id));
      return;
    }
    const first = shifts.find((s) => s.id === swap[0]);
    if (first && first.staff?.id === shift.staff?.id) {
      setSwapHint(t('roster.swap.samePerson'));
      return;
    }
    setSwapHint(null);
    const next = [...swap, shift.id].slice(-2);
    setSwap(next);
    if (next.length === 2) setDialog({ kind: 'swap', first: next[0], second: next[1] });
  };

  const itemName = (id: string | number) => {
    const [kind, key] = String(id).split('|');
    if (kind === 'person') return personOf(key)?.fullName ?? '';
    const shift = shifts.find((s) => s.id === key);
    return shift ? `${shift.staff?.fullName ?? ''}, ${shiftPlace(shift)}` : '';
  };
  const cellName = (id: string | number | undefined) => {
    const [, counterId, day, slot] = String(id ?? '').split('|');
    const counter = counters.find((c) => c.id === counterId);
    const s = day ? model.days.find((d) => d.day === day)?.slots[Number(slot)] : undefined;
    return counter && s ? t('roster.board.add', { number: counter.number, day: dayLabel(day), from: s.opensAt, to: s.closesAt }).replace(/^[^:]*: /, '') : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('roster.announce.start', { item: itemName(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('roster.announce.over', { item: itemName(active.id), target: cellName(over.id) }) : t('roster.announce.outside', { item: itemName(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t('roster.announce.end', { item: itemName(active.id), target: cellName(over.id) }) : t('roster.announce.cancel', { item: itemName(active.id) }),
    onDragCancel: ({ active }) => t('roster.announce.cancel', { item: itemName(active.id) }),
  };
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor));

  if (error && !board) return <ProblemAlert problem={apiProblem(error)} />;
  if (!board) {
    return (
      <Box aria-busy="true" aria-label={t('roster.board.loading')}>
        <Skeleton variant="rounded" height={56} sx={{ mb: 2 }} />
        <Skeleton variant="rounded" height={420} />
      </Box>
    );
  }
  if (!desk) return <Alert severity="warning">{t('roster.desk.notFound')}</Alert>;

  const planned = shifts.filter((s) => s.status === 'PLANNED').length;
  /** Counters and opening slots to staff this week: without them, only the reason is shown. */
  const rosterable = counters.length > 0 && model.days.length > 0;
  const coverage = desk.coverage;
  const openDialog = dialog && 'shiftId' in dialog ? shifts.find((s) => s.id === dialog.shiftId) : undefined;
  const addCell = dialog?.kind === 'add' ? dialog.cell : null;
  const addSlot = addCell ? slotOf(addCell) : undefined;
  const openSlot = openDialog
    ? (() => {
        const c = cellOfShift(openDialog);
        return c ? slotOf(c) : undefined;
      })()
    : undefined;
  const draggedName = dragging ? itemName(dragging.kind === 'person' ? `person|${dragging.personId}` : `shift|${dragging.shiftId}`) : '';
  const weekRange = { from: formatDate(monday), to: formatDate(sunday) };
  const proposed: ProposedShift[] =
    job?.status === 'DONE' && job.proposal
      ? job.proposal.shifts
          .filter((p) => p.deskId === deskId)
          .map((p) => ({
            key: `${p.staffId}|${p.counterId}|${p.day}|${p.startsAt}`,
            name: personOf(p.staffId)?.fullName ?? '',
            counterId: p.counterId,
            day: p.day,
            startsAt: p.startsAt,
            endsAt: p.endsAt,
          }))
      : [];

  const people$ = <PeopleList people={people} total={board.staffMembers.totalCount} board={shifts} monday={monday} deskId={deskId} canWrite={canWrite} />;

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={underPointer}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('roster.announce.instructions') } }}
    >
      {PRINT_STYLES}
      <Stack spacing={2} data-testid="roster-week">
        {loading && <LinearProgress aria-label={t('roster.board.loading')} />}
        <Box className="print-only" data-testid="roster-print-header">
          <Typography variant="h1" sx={{ fontSize: '16pt' }}>
            {t('roster.weekTitle', weekRange)}
          </Typography>
          <Typography variant="h2" sx={{ fontSize: '13pt' }}>
            {desk.name}
          </Typography>
          <Typography variant="caption">
            {t('roster.print.printedOn', { date: formatDate(todayIso()) })} · {t('roster.print.legend')}
          </Typography>
        </Box>
        {rosterable && (
          <Stack spacing={1} className="no-print">
            <Box data-testid="roster-week-coverage" sx={{ order: 2 }}>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {t('roster.coverage.week', { staffed: coverage.staffed, demanded: coverage.demanded })}
                {' · '}
                <Box component="span" sx={{ color: coverage.gaps ? 'error.dark' : 'success.dark' }}>
                  {coverage.gaps ? t('roster.coverage.weekGaps', { gaps: coverage.gaps }) : t('roster.coverage.weekFull')}
                </Box>
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                <Box
                  component="span"
                  sx={{ display: 'inline-block', width: 14, height: 10, border: '1px dashed', borderColor: 'grey.500', mr: 0.5, verticalAlign: 'middle' }}
                />
                {t('roster.legend.planned')}
                <Box
                  component="span"
                  sx={{
                    display: 'inline-block',
                    width: 14,
                    height: 10,
                    border: 1,
                    borderColor: 'primary.main',
                    bgcolor: '#e3edfb',
                    ml: 1.5,
                    mr: 0.5,
                    verticalAlign: 'middle',
                  }}
                />
                {t('roster.legend.published')}
              </Typography>
            </Box>
            <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', order: 1 }}>
              {canWrite && (
                <>
                  <Button
                    variant="contained"
                    startIcon={<PublishOutlined />}
                    onClick={() => setDialog({ kind: 'publish' })}
                    disabled={planned === 0}
                    title={planned === 0 ? t('roster.publish.nothing') : undefined}
                    data-testid="roster-publish"
                  >
                    {t('roster.actions.publish')}
                  </Button>
                  <Button
                    variant="outlined"
                    color="success"
                    startIcon={<AutoFixHighOutlined />}
                    onClick={() => void askAutofill()}
                    disabled={Boolean(autofill?.starting) || jobRunning}
                    data-testid="roster-autofill-start"
                  >
                    {t('roster.autofill.action')}
                  </Button>
                  <Button variant="outlined" startIcon={<ContentCopyOutlined />} onClick={() => setDialog({ kind: 'copy' })} data-testid="roster-copy">
                    {t('roster.actions.copy')}
                  </Button>
                  <Button
                    variant={swap ? 'contained' : 'outlined'}
                    color={swap ? 'secondary' : 'primary'}
                    startIcon={<SwapHorizOutlined />}
                    onClick={() => {
                      setSwap(swap ? null : []);
                      setSwapHint(null);
                    }}
                    data-testid="roster-swap"
                  >
                    {swap ? t('roster.actions.swapStop') : t('roster.actions.swap')}
                  </Button>
                </>
              )}
              <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()} data-testid="roster-print">
                {t('roster.actions.print')}
              </Button>
            </Stack>
          </Stack>
        )}
        {stale && (
          <Box className="no-print">
            <ConflictAlert
              message={t('roster.stale')}
              testId="roster-stale"
              onReload={() => {
                setStale(false);
                setRefusals(NO_REFUSALS);
                void refetch();
              }}
            />
          </Box>
        )}
        {problem && (
          <Box className="no-print">
            <ProblemAlert problem={problem} />
          </Box>
        )}
        {autofill && fromForecast && (
          <Alert severity="info" className="no-print" data-testid="roster-forecast-demand">
            {t('reports.forecast.rosterDemand')}
            {job?.proposal ? ` ${t('reports.forecast.rosterDemandCount', { count: job.proposal.demanded })}` : ''}
          </Alert>
        )}
        {autofill && (
          <AutoFillPanel
            monday={monday}
            job={job}
            starting={autofill.starting}
            startProblem={autofill.problem}
            onAgain={() => void askAutofill()}
            onClose={() => setAutofill(null)}
            onAccepted={(count) => {
              setAutofill(null);
              setNotice(t('roster.autofill.accepted', { count }));
            }}
          />
        )}
        {swap && (
          <Alert severity="info" className="no-print" data-testid="roster-swap-bar">
            {t('roster.swap.bar')}{' '}
            {swap.length === 1 && (
              <>
                {t('roster.swap.chosen', {
                  shift: (() => {
                    const s = shifts.find((x) => x.id === swap[0]);
                    return s ? `${s.staff?.fullName ?? ''}, ${shiftPlace(s)}` : '';
                  })(),
                })}{' '}
                {swapHint ?? t('roster.swap.pickSecond')}
              </>
            )}
          </Alert>
        )}
        {model.closedDays.length > 0 && model.days.length > 0 && (
          <Typography variant="caption" color="text.secondary" className="no-print">
            {t('roster.board.closedDays', { days: model.closedDays.map((d) => dayLabel(d)).join(', ') })}
          </Typography>
        )}
        {counters.length === 0 ? (
          <Alert severity="info">{t('roster.board.noCounters')}</Alert>
        ) : model.days.length === 0 ? (
          <Alert severity="info">{t('roster.board.noHours')}</Alert>
        ) : (
          <Box sx={{ display: 'flex', flexDirection: wide ? 'row' : 'column', gap: 2, alignItems: 'flex-start' }}>
            <Paper
              variant="outlined"
              className="no-print"
              sx={{
                p: 1.5,
                width: wide ? 240 : '100%',
                flexShrink: 0,
                ...(wide ? { position: 'sticky', top: 72, maxHeight: 'calc(100vh - 96px)', overflowY: 'auto' } : {}),
              }}
            >
              <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', mb: 1 }}>
                <Typography variant="subtitle2" component="h2">
                  {t('roster.people.title')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {t('roster.people.count', { count: people.length })}
                </Typography>
              </Stack>
              {wide || showPeople ? (
                <>
                  {people$}
                  {!wide && (
                    <Button size="small" onClick={() => setShowPeople(false)} sx={{ mt: 1 }}>
                      {t('roster.people.hide')}
                    </Button>
                  )}
                </>
              ) : (
                <Button size="small" variant="outlined" onClick={() => setShowPeople(true)} data-testid="roster-people-show">
                  {t('roster.people.show', { count: people.length })}
                </Button>
              )}
            </Paper>
            <Box sx={{ flexGrow: 1, minWidth: 0, width: wide ? undefined : '100%' }}>
              <RosterBoard
                model={model}
                counters={counters}
                shifts={shifts}
                canWrite={canWrite}
                conflictsFor={conflictsFor}
                cellErrors={refusals.cells}
                shiftErrors={refusals.shifts}
                colliding={new Set(Object.values(refusals.colliding))}
                onDismissCell={clearRefusal}
                onDismissShift={clearRefusal}
                swapSelection={swap}
                onShiftClick={onShiftClick}
                onAdd={(cell) => setDialog({ kind: 'add', cell })}
                proposed={proposed}
              />
            </Box>
          </Box>
        )}
      </Stack>
      <DragOverlay dropAnimation={null}>
        {dragging ? (
          <Paper elevation={6} sx={{ px: 1, py: 0.5, maxWidth: 220, border: 1, borderColor: 'primary.main', cursor: 'grabbing' }}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {draggedName}
            </Typography>
          </Paper>
        ) : null}
      </DragOverlay>
      {check && (
        <CheckDialog
          what={check.what}
          messages={check.messages}
          onClose={() => setCheck(null)}
          onSend={() => {
            check.send();
            setCheck(null);
          }}
        />
      )}
      {dialog?.kind === 'add' && addCell && addSlot && (
        <AddShiftDialog
          counter={counters.find((c) => c.id === addCell.counterId)!}
          day={addCell.day}
          slot={addSlot}
          people={people}
          board={shifts}
          onClose={() => setDialog(null)}
          onCreated={(name) => setNotice(t('roster.saved.created', { name }))}
          onStale={() => setStale(true)}
        />
      )}
      {dialog?.kind === 'shift' && openDialog && (
        <ShiftDialog
          shift={openDialog}
          slot={openSlot ?? { opensAt: openDialog.startsAt, closesAt: openDialog.endsAt }}
          person={personOf(openDialog.staff?.id)}
          counter={counters.find((c) => c.id === openDialog.counter?.id)}
          board={shifts}
          onClose={() => setDialog(null)}
          onSaved={(name) => setNotice(t('roster.saved.moved', { name }))}
          onCancelShift={() => setDialog({ kind: 'cancel', shiftId: openDialog.id })}
          onSelectForSwap={() => {
            setSwap([openDialog.id]);
            setSwapHint(null);
            setDialog(null);
          }}
          onStale={() => setStale(true)}
        />
      )}
      {dialog?.kind === 'cancel' && openDialog && (
        <CancelShiftDialog
          shift={openDialog}
          onClose={() => setDialog(null)}
          onCancelled={(name) => setNotice(t('roster.saved.cancelled', { name }))}
          onStale={() => setStale(true)}
        />
      )}
      {dialog?.kind === 'swap' &&
        (() => {
          const [first, second] = [shifts.find((s) => s.id === dialog.first), shifts.find((s) => s.id === dialog.second)];
          if (!first || !second) return null;
          return (
            <SwapDialog
              first={first}
              second={second}
              onClose={() => {
                setDialog(null);
                setSwap(null);
              }}
              onSwapped={(a, b) => setNotice(t('roster.saved.swapped', { first: a, second: b }))}
            />
          );
        })()}
      {dialog?.kind === 'publish' && (
        <PublishDialog
          deskId={deskId}
          deskName={desk.name}
          monday={monday}
          planned={planned}
          onClose={() => setDialog(null)}
          onPublished={(count) => setNotice(t('roster.saved.published', { count }))}
        />
      )}
      {dialog?.kind === 'copy' && <CopyWeekDialog deskId={deskId} deskName={desk.name} monday={monday} onClose={() => setDialog(null)} />}
      <Snackbar
        open={Boolean(notice)}
        autoHideDuration={4000}
        onClose={() => setNotice(null)}
        message={notice ?? ''}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      />
    </DndContext>
  );
}

/** The tabs of Nhân sự (features/staff/StaffRoutes.tsx), the roster board being the third. */
const STAFF_TABS = ['people', 'training', 'roster'] as const;

/** Lịch trực: pick a desk and a week, then the board. The desk and week live in the address (?desk=&week=). */
export default function RosterPage() {
  const { t } = useTranslation();
  const access = useRosterAccess();
  const { params, set } = useAddressParams();
  const deskId = params.get('desk') ?? '';
  const monday = weekOfParam(params.get('week'));
  const { desks, busiest } = useMyDesks();
  const [chosen, setChosen] = useState<DeskOption | null>(null);
  // Until one is chosen: the desk most of one's people work at.
  useEffect(() => {
    if (!deskId && busiest) set('desk', busiest.id);
  }, [deskId, busiest, set]);
  const { data } = useQuery(RosterBoardDocument, { variables: { deskId, from: monday, to: addDays(monday, 6) }, skip: !deskId, fetchPolicy: 'cache-only' });
  if (!access.read) return <NoAccessPage />;
  const deskName = data?.oneStopDesk?.name ?? desks.find((d) => d.id === deskId)?.label ?? (chosen?.id === deskId ? chosen.label : '');
  const value: DeskOption | null = deskId ? { id: deskId, label: deskName, mine: desks.some((d) => d.id === deskId) } : null;
  const thisWeek = mondayOf(todayIso());
  const goWeek = (day: string) => set('week', day === thisWeek ? '' : day);
  return (
    <Box>
      <Box className="no-print">
        <Typography variant="h1" gutterBottom>
          {t('nav.staff')}
        </Typography>
        <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 3 }}>
          <Tabs value="roster" variant="scrollable" allowScrollButtonsMobile aria-label={t('staff.sectionsLabel')}>
            {STAFF_TABS.map((key) => (
              <Tab key={key} value={key} label={t(`staff.sections.${key}`)} component={RouterLink} to={`/staff/${key}`} data-testid={`staff-tab-${key}`} />
            ))}
          </Tabs>
        </Box>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { md: 'flex-start' } }}>
          <DeskPicker
            value={value}
            mine={desks}
            onChange={(desk) => {
              setChosen(desk);
              set('desk', desk?.id ?? '');
            }}
          />
          <Box>
            <Typography variant="subtitle1" component="p" sx={{ fontWeight: 500, mb: 0.5 }} data-testid="roster-week-title">
              {t('roster.weekTitle', { from: formatDate(monday), to: formatDate(addDays(monday, 6)) })}
            </Typography>
            <ButtonGroup size="small" variant="outlined">
              <Button startIcon={<ChevronLeft />} onClick={() => goWeek(addDays(monday, -7))} data-testid="roster-week-previous">
                {t('roster.week.previous')}
              </Button>
              <Button onClick={() => goWeek(thisWeek)} disabled={monday === thisWeek} data-testid="roster-week-current">
                {t('roster.week.current')}
              </Button>
              <Button endIcon={<ChevronRight />} onClick={() => goWeek(addDays(monday, 7))} data-testid="roster-week-next">
                {t('roster.week.next')}
              </Button>
            </ButtonGroup>
            {deskId && (
              <Link component={RouterLink} to={`/organisation/desks/${deskId}`} variant="body2" sx={{ display: 'block', mt: 1 }}>
                {t('roster.desk.openPage')}
              </Link>
            )}
            {deskId && (
              <Link component={RouterLink} to={`/reports/forecast?desk=${deskId}`} variant="body2" sx={{ display: 'block', mt: 0.5 }} data-testid="roster-forecast-link">
                {t('reports.forecast.rosterLink')}
              </Link>
            )}
          </Box>
        </Stack>
      </Box>
      {deskId ? <RosterWeek key={deskId} deskId={deskId} monday={monday} canWrite={access.write} fromForecast={params.get('demand') === 'forecast'} /> : <Alert severity="info">{t('roster.desk.choose')}</Alert>}
    </Box>
  );
}
