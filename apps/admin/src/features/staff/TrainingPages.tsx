import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import type { GridColDef } from '@mui/x-data-grid';
import { chooseSlotProps } from '../../components/choose';
import { DateField } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { ListGrid } from '../../components/ListGrid';
import { NoteField } from '../../components/NoteField';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import { formatDate } from '../../dates';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import {
  CreateTrainingSessionDocument,
  StaffProcedureFieldsDocument,
  TrainingSessionPageDocument,
  TrainingSessionsDocument,
  type TrainingSessionDetailFragment,
  type TrainingSessionPageQuery,
  type TrainingSessionsQuery,
} from '../../graphql/generated';
import { useCursorPages, useGridPage } from '../../hooks/useCursorPages';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useFormState } from '../../hooks/useFormState';
import { LIMITS } from '../../limits';
import { Section } from '../handover/Section';
import { DetailList } from '../organisation/DetailList';
import { LinkCell } from '../organisation/LinkCell';
import type { Option } from '../organisation/SearchAutocomplete';
import { useCanManageStaff } from './access';
import { StaffPeoplePicker } from './pickers';
import { pastDayProblem } from './StaffDialogs';
import { StaffStatusChip } from './StaffChips';
import { employerOf, staffHref } from './StaffListPage';
import { deskHref, trainingHref } from './StaffSections';

type SessionRow = TrainingSessionsQuery['trainingSessions']['edges'][number]['node'];

/** "Lớp Hộ tịch ngày 15/03/2024": how a class is named (it has no name of its own). */
export function useSessionName() {
  const { t } = useTranslation();
  return (s: { heldOn: string; field?: { name: string } | null }) => t('staff.training.name', { field: s.field?.name ?? '', date: formatDate(s.heldOn) });
}

/** Lớp tập huấn: the province's classes, latest first, with their field, place, trainer, validity and attendees. */
export function TrainingListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('staff.training.title'));
  const canManage = useCanManageStaff();
  const [creating, setCreating] = useState(false);
  const pages = useCursorPages('training');
  const result = useQuery(TrainingSessionsDocument, { variables: { first: pages.first, after: pages.after } });
  const page = useGridPage(pages, result, result.data?.trainingSessions, result.previousData?.trainingSessions);
  const columns = useMemo<GridColDef<SessionRow>[]>(
    () => [
      { field: 'heldOn', headerName: t('staff.training.heldOn'), minWidth: 120, valueGetter: (_v, row) => formatDate(row.heldOn), renderCell: (p) => <LinkCell params={p} href={trainingHref(p.row.id)} /> },
      { field: 'field', headerName: t('staff.training.field'), flex: 1, minWidth: 150, valueGetter: (_v, row) => row.field?.name ?? '—' },
      { field: 'place', headerName: t('staff.training.place'), flex: 1.5, minWidth: 200 },
      { field: 'trainer', headerName: t('staff.training.trainer'), flex: 1, minWidth: 160 },
      {
        field: 'validMonths',
        headerName: t('staff.training.validMonths'),
        minWidth: 130,
        valueGetter: (_v, row) => (row.validMonths ? t('staff.training.validMonthsValue', { count: row.validMonths }) : t('staff.training.noExpiry')),
      },
      {
        field: 'attendees',
        headerName: t('staff.training.attendees'),
        minWidth: 120,
        align: 'right',
        headerAlign: 'right',
        valueGetter: (_v, row) => t('staff.training.attendeeCount', { count: row.attendees.length }),
      },
    ],
    [t],
  );
  return (
    <>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 1.5, minHeight: 40 }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }} role="status" data-testid="list-count">
          {page.connection ? t('staff.training.count', { count: page.connection.totalCount }) : ''}
        </Typography>
        {canManage && (
          <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)} data-testid="create-training">
            {t('staff.training.create')}
          </Button>
        )}
      </Stack>
      {page.empty ? (
        <Paper variant="outlined" sx={{ p: 3 }}>
          <Typography variant="body2" color="text.secondary" data-testid="training-empty">
            {t('staff.training.empty')}
          </Typography>
        </Paper>
      ) : (
        <ListGrid label={t('staff.training.title')} testId="training-grid" columns={columns} {...page.grid} onOpen={(row) => void navigate(trainingHref(row.id))} />
      )}
      {creating && (
        <TrainingCreateDialog onClose={() => setCreating(false)} onCreated={(id, qualified) => void navigate(trainingHref(id), { state: { qualified } })} />
      )}
    </>
  );
}

const FIELDS = ['fieldId', 'heldOn', 'place', 'trainer', 'validMonths', 'note', 'attendeeIds'];

/** Thêm lớp tập huấn: field, day (not in the future), place, trainer, validity, note and the attendees, searched by name. */
export function TrainingCreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string, qualified: number) => void }) {
  const { t } = useTranslation();
  const { data: fields } = useQuery(StaffProcedureFieldsDocument);
  const options = fields?.procedureFields ?? [];
  const [fieldId, setFieldId] = useState('');
  const [heldOn, setHeldOn] = useState('');
  const [place, setPlace] = useState('');
  const [trainer, setTrainer] = useState('');
  const [validMonths, setValidMonths] = useState('');
  const [note, setNote] = useState('');
  const [attendees, setAttendees] = useState<Option[]>([]);
  const [create] = useMutation(CreateTrainingSessionDocument, { refetchQueries: ['TrainingSessions', 'StaffMembers'] });
  const form = useFormState();
  // An attendee's own error (attendeeIds.2) reads under the picker, with the person's name.
  const attendeeError =
    form.message('attendeeIds') ??
    attendees
      .map((a, i) => (form.problem?.fields[`attendeeIds.${i}`] ? `${a.label}: ${form.problem.fields[`attendeeIds.${i}`]}` : null))
      .filter(Boolean)
      .join(' ');
  const shownFields = [...FIELDS, ...attendees.map((_a, i) => `attendeeIds.${i}`)];

  const onSubmit = () => {
    const months = validMonths.trim();
    const ok = form.check({
      fieldId: fieldId ? undefined : t('form.required'),
      heldOn: pastDayProblem(heldOn, t),
      place: place.trim() ? undefined : t('form.required'),
      trainer: trainer.trim() ? undefined : t('form.required'),
      validMonths: months && !(/^\d+$/.test(months) && Number(months) >= 1 && Number(months) <= 240) ? t('staff.training.validMonthsInvalid') : undefined,
      attendeeIds: attendees.length ? undefined : t('staff.training.attendeesRequired'),
    });
    if (!ok) return;
    void form.run(async () => {
      const { data } = await create({
        variables: {
          input: {
            fieldId,
            heldOn,
            place: place.trim(),
            trainer: trainer.trim(),
            validMonths: months ? Number(months) : null,
            note: note.trim() || null,
            attendeeIds: attendees.map((a) => a.id),
          },
        },
      });
      if (data) onCreated(data.createTrainingSession.trainingSession.id, data.createTrainingSession.qualified);
    });
  };

  return (
    <FormDialog
      title={t('staff.training.create')}
      submitLabel={t('form.create')}
      busy={form.busy}
      problem={form.problem}
      fields={shownFields}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      dividers
      testId="training-form"
    >
      <TextField
        select
        label={t('staff.training.field')}
        value={options.length ? fieldId : ''}
        onChange={(e) => setFieldId(e.target.value)}
        required
        {...fieldHelp({ error: form.message('fieldId') })}
        slotProps={chooseSlotProps<string>(t, (id) => options.find((f) => f.id === id)?.name ?? '', { SelectDisplayProps: { 'data-testid': 'training-field' } })}
      >
        {options.map((f) => (
          <MenuItem key={f.id} value={f.id}>
            {f.name}
          </MenuItem>
        ))}
      </TextField>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <DateField label={t('staff.training.heldOn')} value={heldOn} onChange={setHeldOn} required error={form.message('heldOn')} testId="training-held-on" />
        <TextField
          label={t('staff.training.validMonthsLabel')}
          value={validMonths}
          onChange={(e) => setValidMonths(e.target.value)}
          fullWidth
          {...fieldHelp({ hint: t('staff.training.validMonthsHint'), error: form.message('validMonths') })}
          slotProps={{ htmlInput: { 'data-testid': 'training-valid-months', inputMode: 'numeric', maxLength: 3 } }}
        />
      </Stack>
      <TextField
        label={t('staff.training.place')}
        value={place}
        onChange={(e) => setPlace(e.target.value)}
        required
        {...fieldHelp({ error: form.message('place'), max: LIMITS.trainingPlace })}
        slotProps={{ htmlInput: { 'data-testid': 'training-place', maxLength: LIMITS.trainingPlace } }}
      />
      <TextField
        label={t('staff.training.trainer')}
        value={trainer}
        onChange={(e) => setTrainer(e.target.value)}
        required
        {...fieldHelp({ error: form.message('trainer'), max: LIMITS.short })}
        slotProps={{ htmlInput: { 'data-testid': 'training-trainer', maxLength: LIMITS.short } }}
      />
      <StaffPeoplePicker
        label={t('staff.training.attendees')}
        value={attendees}
        onChange={setAttendees}
        required
        error={attendeeError || undefined}
        helperText={t('staff.training.attendeesHint')}
        testId="training-attendees"
      />
      <NoteField label={t('staff.training.note')} value={note} onChange={setNote} error={form.message('note')} testId="training-note" />
    </FormDialog>
  );
}

/** The page size the session page reads the classes by, looking for its own (the API has no class by id). */
const SCAN_PAGE = 20;

/** One class, read from the list (latest first) page by page until found: the class, or null when there is none. */
function useTrainingSession(id: string) {
  const client = useApolloClient();
  const [state, setState] = useState<{ session: TrainingSessionDetailFragment | null | undefined; problem: ApiProblem | null }>({ session: undefined, problem: null });
  useEffect(() => {
    let cancelled = false;
    setState({ session: undefined, problem: null });
    (async () => {
      let after: string | null = null;
      for (;;) {
        const { data }: { data?: TrainingSessionPageQuery } = await client.query({ query: TrainingSessionPageDocument, variables: { first: SCAN_PAGE, after }, fetchPolicy: 'network-only' });
        const found = data?.trainingSessions.edges.find((e) => e.node.id === id)?.node;
        if (found || !data?.trainingSessions.pageInfo.hasNextPage) return found ?? null;
        after = data.trainingSessions.pageInfo.endCursor ?? null;
      }
    })().then(
      (session) => !cancelled && setState({ session, problem: null }),
      (error: unknown) => !cancelled && setState({ session: null, problem: apiProblem(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [client, id]);
  return state;
}

/** Một lớp tập huấn: its field, day, place, trainer and validity, and who attended (each qualified from that day). */
export function TrainingSessionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const location = useLocation();
  const qualified = (location.state as { qualified?: number } | null)?.qualified;
  const { session, problem } = useTrainingSession(id);
  const sessionName = useSessionName();
  useDocumentTitle(session ? sessionName(session) : t('staff.sections.training'));
  const crumbs = (
    <PageCrumbs label={t('organisation.breadcrumbs')} items={[{ label: t('staff.sections.training'), href: '/staff/training' }, session && { label: sessionName(session) }]} />
  );
  if (!session) {
    return (
      <RecordPageFallback
        crumbs={crumbs}
        problem={problem}
        loading={session === undefined}
        skeleton={{ titleWidth: '40%', titleHeight: 40, blocks: [160, 240] }}
        notFound={{ title: t('staff.training.notFound'), backHref: '/staff/training', backLabel: t('staff.training.backTo'), testId: 'training-not-found' }}
      />
    );
  }
  return (
    <Box data-testid="training-page">
      {crumbs}
      <Typography variant="h2" component="h2" sx={{ mb: 2, overflowWrap: 'anywhere' }} data-testid="record-name">
        {sessionName(session)}
      </Typography>
      {qualified !== undefined && (
        <Alert severity="success" sx={{ mb: 2 }} data-testid="training-qualified">
          {t('staff.training.qualified', { count: qualified })}
        </Alert>
      )}
      <Stack spacing={2}>
        <Section title={t('staff.training.details')}>
          <DetailList
            items={[
              { label: t('staff.training.field'), value: session.field?.name },
              { label: t('staff.training.heldOn'), value: formatDate(session.heldOn) },
              { label: t('staff.training.place'), value: session.place },
              { label: t('staff.training.trainer'), value: session.trainer },
              { label: t('staff.training.validMonths'), value: session.validMonths ? t('staff.training.validMonthsValue', { count: session.validMonths }) : t('staff.training.noExpiry') },
              { label: t('staff.training.note'), value: session.note },
            ]}
          />
        </Section>
        <Section title={t('staff.training.attendeesSection', { count: session.attendees.length })} testId="training-attendees-list">
          {session.attendees.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {t('staff.training.noAttendees')}
            </Typography>
          ) : (
            <TableContainer sx={{ overflowX: 'auto' }}>
              <Table size="small" aria-label={t('staff.training.attendees')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('staff.fields.fullName')}</TableCell>
                    <TableCell>{t('staff.fields.employer')}</TableCell>
                    <TableCell>{t('staff.fields.homeDesk')}</TableCell>
                    <TableCell>{t('staff.fields.status')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {session.attendees.map((person) => (
                    <TableRow key={person.id} data-testid="attendee-row">
                      <TableCell sx={{ minWidth: 160 }}>
                        <Link component={RouterLink} to={staffHref(person)}>
                          {person.fullName}
                        </Link>
                      </TableCell>
                      <TableCell sx={{ minWidth: 160 }}>{employerOf(person) || '—'}</TableCell>
                      <TableCell sx={{ minWidth: 180 }}>
                        {person.homeDesk ? (
                          <Link component={RouterLink} to={deskHref(person.homeDesk.id)}>
                            {person.homeDesk.name}
                          </Link>
                        ) : (
                          '—'
                        )}
                      </TableCell>
                      <TableCell>
                        <StaffStatusChip status={person.status} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </Section>
      </Stack>
    </Box>
  );
}
