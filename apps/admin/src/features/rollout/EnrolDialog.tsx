import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Collapse from '@mui/material/Collapse';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import CloseIcon from '@mui/icons-material/Close';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import SearchIcon from '@mui/icons-material/Search';
import { renderOptionWithDetail, useAutocompleteTexts } from '../../components/autocomplete';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { formatDate, isIsoDate, todayIso } from '../../dates';
import {
  RolloutEnrolDeskOptionsDocument,
  RolloutEnrolPostOfficeOptionsDocument,
  RolloutEnrolSitesDocument,
  type AdministrativeLevel,
  type HandoverModel,
  type RolloutEnrolDeskOptionsQuery,
  type SiteStatus,
} from '../../graphql/generated';
import type { ApiProblem } from '../../graphql/errors';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { useFormState } from '../../hooks/useFormState';
import type { Option } from '../organisation/SearchAutocomplete';
import { useSearch } from '../organisation/pickers';
import { HANDOVER_MODELS } from './enums';
import { phaseTitle } from './ProgrammeChips';
import { fieldHelp } from '../../components/FieldHelp';
import { chooseInput } from '../../components/choose';

type DeskNode = RolloutEnrolDeskOptionsQuery['oneStopDesks']['edges'][number]['node'];
const LEVELS: readonly AdministrativeLevel[] = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const LEVEL_ORDER: Record<AdministrativeLevel, number> = { PROVINCE: 0, DISTRICT: 1, COMMUNE: 2 };
const PAGE = 100;

/** A desk chosen for enrolment, with its own handover model, partner post office and planned launch. */
export interface Enrolment {
  desk: { id: string; name: string; level: AdministrativeLevel; unitName: string };
  handoverModel: HandoverModel;
  postOffice: Option | null;
  /** '' = the phase's planned end (the API's default). */
  plannedLaunch: string;
}

/** A group of the desk tree: the province's own desks, or a district with its district and commune desks. */
export interface DeskGroup {
  key: string;
  label: string;
  level: AdministrativeLevel;
  desks: DeskNode[];
}

/**
 * Groups desks as the province is organised: first the provincial desks (departments, the public
 * administration centre), then each district with its own desk and the desks of its communes.
 * Communes under no district (after the 2025 reform) form a group of their own.
 */
export function groupDesks(desks: readonly DeskNode[], labels: { province: string; communes: string }): DeskGroup[] {
  const groups = new Map<string, DeskGroup>();
  for (const desk of desks) {
    const unit = desk.administrativeUnit;
    let group: { key: string; label: string; level: AdministrativeLevel };
    if (desk.level === 'PROVINCE') group = { key: 'province', label: labels.province, level: 'PROVINCE' };
    else if (desk.level === 'DISTRICT') group = { key: unit.code, label: unit.name, level: 'DISTRICT' };
    else if (unit.parent && unit.parent.level === 'DISTRICT') group = { key: unit.parent.code, label: unit.parent.name, level: 'DISTRICT' };
    else group = { key: 'communes', label: labels.communes, level: 'COMMUNE' };
    const existing = groups.get(group.key);
    if (existing) existing.desks.push(desk);
    else groups.set(group.key, { ...group, desks: [desk] });
  }
  const collator = new Intl.Collator('vi');
  const list = [...groups.values()];
  for (const g of list) g.desks.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || collator.compare(a.name, b.name));
  return list.sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || collator.compare(a.label, b.label));
}

/**
 * The API's field errors of an enrolment (`sites.<i>.<field>`), by desk id: the rows may be
 * removed or reordered after the answer, and each message stays with its desk.
 */
export function errorsByDesk(problem: ApiProblem | null, sentIds: readonly string[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (!problem) return out;
  for (const [field, message] of Object.entries(problem.fields)) {
    const match = /^sites\.(\d+)\.(\w+)$/.exec(field);
    const deskId = match ? sentIds[Number(match[1])] : undefined;
    if (!match || !deskId) continue;
    out[deskId] = { ...out[deskId], [match[2]]: message };
  }
  return out;
}

/** The partner post office, among the active post offices of the programme's province (searched as you type). */
export function EnrolPostOfficePicker({
  provinceCode,
  label,
  value,
  onChange,
  required,
  error,
  helperText,
  testId,
}: {
  provinceCode: string;
  label: string;
  value: Option | null;
  onChange: (v: Option | null) => void;
  required?: boolean;
  error?: string;
  helperText?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const texts = useAutocompleteTexts();
  const { search, typing, opened, setText, open } = useSearch();
  const { data, previousData, loading } = useQuery(RolloutEnrolPostOfficeOptionsDocument, { variables: { provinceCode, search }, skip: !opened });
  const options: Option[] = ((data ?? previousData)?.postOffices.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.name,
    detail: `${t(`postOfficeKinds.${node.kind}`)} · ${node.administrativeUnit.name}`,
  }));
  return (
    <Autocomplete<Option>
      size="small"
      value={value}
      onChange={(_e, next) => onChange(next)}
      onInputChange={(_e, text, reason) => (reason === 'input' || reason === 'clear') && setText(text)}
      onOpen={open}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={loading || typing}
      {...texts}
      renderOption={renderOptionWithDetail}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          required={required}
          {...fieldHelp({ hint: helperText, error })}
          placeholder={chooseInput(t, params).placeholder}
          slotProps={{ ...params.slotProps, inputLabel: chooseInput(t, params).inputLabel, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}

interface EnrolDialogProps {
  phase: { id: string; ordinal: number; name: string; plannedEnd: string };
  programme: { id: string; administrativeUnit: { code: string; name: string }; province: { code: string; name: string } };
  onClose: () => void;
  /** After the enrolment: how many sites were created. */
  onEnrolled: (count: number) => void;
}

/**
 * Đăng ký đơn vị thí điểm: desks picked from the province's tree (provincial desks, then each
 * district with its communes), each with its handover model, partner post office and planned
 * launch, sent as one enrolment (all or none). Desks already in an active site cannot be picked.
 */
export function EnrolDialog({ phase, programme, onClose, onEnrolled }: EnrolDialogProps) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const merged = programme.province.code !== programme.administrativeUnit.code;
  const [scope, setScope] = useState(programme.administrativeUnit.code);
  const [level, setLevel] = useState<AdministrativeLevel | ''>('');
  const [text, setText] = useState('');
  const search = useDebouncedValue(text.trim(), 300);
  const variables = { provinceCode: scope, level: level || null, search: search || null, first: PAGE };
  const desks = useQuery(RolloutEnrolDeskOptionsDocument, { variables });
  // Pages after the first, for the filters they were loaded with.
  const [more, setMore] = useState<{ key: string; nodes: DeskNode[]; endCursor: string | null; hasNext: boolean } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const filterKey = JSON.stringify(variables);
  const first = desks.data?.oneStopDesks;
  const extra = more?.key === filterKey ? more : null;
  const loaded = useMemo(() => [...(first?.edges.map((e) => e.node) ?? []), ...(extra?.nodes ?? [])], [first, extra]);
  const hasNext = extra ? extra.hasNext : Boolean(first?.pageInfo.hasNextPage);
  const loadMore = async () => {
    const after = extra ? extra.endCursor : first?.pageInfo.endCursor;
    if (!after) return;
    setLoadingMore(true);
    try {
      const { data } = await client.query({ query: RolloutEnrolDeskOptionsDocument, variables: { ...variables, after } });
      const page = data?.oneStopDesks;
      if (page) setMore({ key: filterKey, nodes: [...(extra?.nodes ?? []), ...page.edges.map((e) => e.node)], endCursor: page.pageInfo.endCursor ?? null, hasNext: page.pageInfo.hasNextPage });
    } finally {
      setLoadingMore(false);
    }
  };

  // A desk is in at most one active site: those already held cannot be picked (the API refuses them too).
  const takenBy = useMemo(() => {
    const map = new Map<string, { status: SiteStatus; phase: string }>();
    for (const desk of loaded) {
      const site = desk.activePilotSite;
      if (!site) continue;
      const phaseName = t('rollout.phases.ordinalShort', { ordinal: site.phase.ordinal });
      map.set(desk.id, { status: site.status, phase: site.programme.id === programme.id ? phaseName : `${site.programme.code} · ${phaseName}` });
    }
    return map;
  }, [loaded, t, programme.id]);

  const [selected, setSelected] = useState<Enrolment[]>([]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [on, setOn] = useState(todayIso());
  const [sentIds, setSentIds] = useState<string[]>([]);
  const [bulk, setBulk] = useState<{ handoverModel: HandoverModel; postOffice: Option | null; plannedLaunch: string }>({ handoverModel: 'AT_AGENCY', postOffice: null, plannedLaunch: '' });
  const [enrol] = useMutation(RolloutEnrolSitesDocument, { refetchQueries: ['RolloutPhaseSites', 'RolloutPhase', 'RolloutEnrolDeskOptions'], awaitRefetchQueries: true });
  const form = useFormState();
  const apiErrors = errorsByDesk(form.problem, sentIds);
  const localError = (deskId: string, field: string) => form.message(`desk.${deskId}.${field}`);
  const deskError = (deskId: string, field: string) => localError(deskId, field) ?? apiErrors[deskId]?.[field];

  const groups = useMemo(
    () => groupDesks(loaded, { province: t('rollout.enrol.provinceGroup'), communes: t('rollout.enrol.communeGroup') }),
    [loaded, t],
  );
  const selectedIds = new Set(selected.map((s) => s.desk.id));
  const selectable = (desk: DeskNode) => !takenBy.has(desk.id);
  const enrolmentOf = (desk: DeskNode): Enrolment => ({
    desk: { id: desk.id, name: desk.name, level: desk.level, unitName: desk.administrativeUnit.name },
    handoverModel: bulk.handoverModel,
    postOffice: bulk.postOffice,
    plannedLaunch: bulk.plannedLaunch,
  });
  const toggleDesk = (desk: DeskNode) =>
    setSelected((prev) => (prev.some((s) => s.desk.id === desk.id) ? prev.filter((s) => s.desk.id !== desk.id) : [...prev, enrolmentOf(desk)]));
  const toggleGroup = (group: DeskGroup) => {
    const candidates = group.desks.filter(selectable);
    const all = candidates.every((d) => selectedIds.has(d.id));
    setSelected((prev) =>
      all ? prev.filter((s) => !candidates.some((d) => d.id === s.desk.id)) : [...prev, ...candidates.filter((d) => !selectedIds.has(d.id)).map(enrolmentOf)],
    );
  };
  const toggleCollapsed = (key: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const update = (deskId: string, patch: Partial<Enrolment>) => setSelected((prev) => prev.map((s) => (s.desk.id === deskId ? { ...s, ...patch } : s)));
  const applyToAll = () => setSelected((prev) => prev.map((s) => ({ ...s, handoverModel: bulk.handoverModel, postOffice: bulk.postOffice ?? s.postOffice, plannedLaunch: isIsoDate(bulk.plannedLaunch) ? bulk.plannedLaunch : s.plannedLaunch })));

  const onSubmit = () => {
    const checks: Record<string, string | undefined> = {
      sites: selected.length === 0 ? t('rollout.enrol.pickOne') : undefined,
      on: dayProblem(on, true, t),
    };
    for (const s of selected) {
      if (s.handoverModel === 'AT_POST_OFFICE' && !s.postOffice) checks[`desk.${s.desk.id}.postOfficeId`] = t('rollout.enrol.postOfficeRequired');
      checks[`desk.${s.desk.id}.plannedLaunch`] = dayProblem(s.plannedLaunch, false, t);
    }
    if (!form.check(checks)) return;
    const ids = selected.map((s) => s.desk.id);
    setSentIds(ids);
    void form.run(async () => {
      const { data } = await enrol({
        variables: {
          input: {
            phaseId: phase.id,
            on,
            sites: selected.map((s) => ({
              oneStopDeskId: s.desk.id,
              handoverModel: s.handoverModel,
              postOfficeId: s.postOffice?.id ?? null,
              plannedLaunch: s.plannedLaunch || null,
            })),
          },
        },
      });
      onEnrolled(data?.enrolPilotSites.pilotSites.length ?? ids.length);
    });
  };

  // Errors shown beside the desks, or under the day; the rest go to the alert.
  const shown = ['sites', 'on', 'phaseId', ...sentIds.flatMap((_id, i) => ['oneStopDeskId', 'postOfficeId', 'plannedLaunch', 'handoverModel'].map((f) => `sites.${i}.${f}`))];
  const deskCount = first?.totalCount;

  return (
    <FormDialog
      title={t('rollout.enrol.title', { phase: phaseTitle(phase, t) })}
      submitLabel={selected.length > 0 ? t('rollout.enrol.submitCount', { count: selected.length }) : t('rollout.enrol.submit')}
      busy={form.busy}
      problem={form.problem}
      fields={shown}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="lg"
      dividers
      testId="enrol-dialog"
    >
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'minmax(0, 5fr) minmax(0, 6fr)' }, alignItems: 'start' }}>
        {/* Left: the province's desks as a tree. */}
        <Paper variant="outlined" sx={{ p: 1.5, minWidth: 0 }} component="section" aria-labelledby="enrol-tree-title">
          <Typography id="enrol-tree-title" variant="subtitle2" sx={{ mb: 1 }}>
            {t('rollout.enrol.pickTitle')}
          </Typography>
          <Stack spacing={1.25} sx={{ mb: 1 }}>
            {merged && (
              <TextField select size="small" label={t('rollout.enrol.scope')} value={scope} onChange={(e) => setScope(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'enrol-scope' } }}>
                <MenuItem value={programme.administrativeUnit.code}>{t('rollout.enrol.scopeThen', { name: programme.administrativeUnit.name })}</MenuItem>
                <MenuItem value={programme.province.code}>{t('rollout.enrol.scopeNow', { name: programme.province.name })}</MenuItem>
              </TextField>
            )}
            <TextField
              size="small"
              label={t('rollout.enrol.search')}
              value={text}
              onChange={(e) => setText(e.target.value)}
              slotProps={{
                input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
                htmlInput: { 'data-testid': 'enrol-search', type: 'search' },
              }}
            />
            <ToggleButtonGroup size="small" exclusive value={level} onChange={(_e, v: AdministrativeLevel | '' | null) => setLevel(v ?? '')} aria-label={t('rollout.phases.sites.level')} sx={{ flexWrap: 'wrap' }}>
              <ToggleButton value="" data-testid="enrol-level-all">{t('rollout.enrol.allLevels')}</ToggleButton>
              {LEVELS.map((l) => (
                <ToggleButton key={l} value={l} data-testid={`enrol-level-${l}`}>
                  {t(`levels.${l}`)}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Stack>
          {desks.loading && <LinearProgress aria-label={t('status.loading')} />}
          {desks.error && <Alert severity="error">{desks.error.message}</Alert>}
          <Box sx={{ maxHeight: { xs: 320, md: '52vh' }, overflowY: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }} data-testid="enrol-tree" role="tree" aria-label={t('rollout.enrol.pickTitle')}>
            {!first && desks.loading && (
              <Box sx={{ p: 1 }}>
                {[0, 1, 2, 3, 4].map((i) => (
                  <Skeleton key={i} height={32} />
                ))}
              </Box>
            )}
            {first && loaded.length === 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ p: 2 }} data-testid="enrol-no-desks">
                {search || level ? t('rollout.enrol.noMatches') : t('rollout.enrol.noDesks')}
              </Typography>
            )}
            {groups.map((group) => {
              const candidates = group.desks.filter(selectable);
              const picked = candidates.filter((d) => selectedIds.has(d.id)).length;
              const open = !collapsed.has(group.key) || Boolean(search);
              return (
                <Box key={group.key} role="treeitem" aria-expanded={open} aria-selected={false} data-testid="enrol-group" data-group={group.key}>
                  <Box sx={{ display: 'flex', alignItems: 'center', bgcolor: 'action.hover', borderBottom: 1, borderColor: 'divider', pr: 1 }}>
                    <IconButton
                      size="small"
                      onClick={() => toggleCollapsed(group.key)}
                      aria-label={t(open ? 'rollout.enrol.collapse' : 'rollout.enrol.expand', { name: group.label })}
                    >
                      {open ? <ExpandMoreIcon fontSize="small" /> : <ChevronRightIcon fontSize="small" />}
                    </IconButton>
                    <FormControlLabel
                      sx={{ flexGrow: 1, mr: 0, minWidth: 0 }}
                      control={
                        <Checkbox
                          size="small"
                          checked={candidates.length > 0 && picked === candidates.length}
                          indeterminate={picked > 0 && picked < candidates.length}
                          disabled={candidates.length === 0}
                          onChange={() => toggleGroup(group)}
                          slotProps={{ input: { 'aria-label': t('rollout.enrol.pickGroup', { name: group.label }) } as object }}
                        />
                      }
                      label={<Typography variant="body2" sx={{ fontWeight: 500 }}>{group.label}</Typography>}
                    />
                    <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                      {t('rollout.enrol.groupCount', { picked, count: group.desks.length })}
                    </Typography>
                  </Box>
                  <Collapse in={open} unmountOnExit>
                    <Box role="group">
                      {group.desks.map((desk) => {
                        const holder = takenBy.get(desk.id);
                        return (
                          <Box
                            key={desk.id}
                            role="treeitem"
                            aria-selected={selectedIds.has(desk.id)}
                            aria-disabled={Boolean(holder)}
                            sx={{ display: 'flex', alignItems: 'center', gap: 1, pl: 4, pr: 1, py: 0.25, borderBottom: 1, borderColor: 'divider' }}
                            data-testid="enrol-desk"
                            data-desk={desk.id}
                          >
                            <FormControlLabel
                              sx={{ flexGrow: 1, mr: 0, minWidth: 0, alignItems: 'flex-start', py: 0.5 }}
                              disabled={Boolean(holder)}
                              control={
                                <Checkbox
                                  size="small"
                                  sx={{ pt: 0.25 }}
                                  checked={selectedIds.has(desk.id)}
                                  onChange={() => toggleDesk(desk)}
                                  slotProps={{ input: { 'data-testid': `enrol-pick-${desk.id}` } as object }}
                                />
                              }
                              label={
                                <Box sx={{ minWidth: 0 }}>
                                  <Typography variant="body2">{desk.name}</Typography>
                                  <Typography variant="caption" color="text.secondary">
                                    {t(`levels.${desk.level}`)} · {desk.administrativeUnit.name}
                                  </Typography>
                                </Box>
                              }
                            />
                            {holder && (
                              <Chip
                                size="small"
                                variant="outlined"
                                label={t('rollout.enrol.taken', { phase: holder.phase, status: t(`rollout.labels.siteStatus.${holder.status}`) })}
                                data-testid="enrol-taken"
                              />
                            )}
                          </Box>
                        );
                      })}
                    </Box>
                  </Collapse>
                </Box>
              );
            })}
            {hasNext && (
              <Box sx={{ p: 1, textAlign: 'center' }}>
                <Button size="small" onClick={() => void loadMore()} disabled={loadingMore} data-testid="enrol-more">
                  {t('rollout.enrol.loadMore', { shown: loaded.length, count: deskCount ?? loaded.length })}
                </Button>
              </Box>
            )}
          </Box>
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1 }}>
            {t('rollout.enrol.takenHint')}
          </Typography>
        </Paper>

        {/* Right: the desks chosen, each with its model, post office and planned launch. */}
        <Box component="section" aria-labelledby="enrol-selected-title" sx={{ minWidth: 0 }}>
          <Typography id="enrol-selected-title" variant="subtitle2" sx={{ mb: 1 }}>
            {t('rollout.enrol.selectedTitle', { count: selected.length })}
          </Typography>
          <Paper variant="outlined" sx={{ p: 1.5, mb: 1.5, bgcolor: 'background.default' }} data-testid="enrol-bulk">
            <Typography variant="body2" sx={{ fontWeight: 500, mb: 1 }}>
              {t('rollout.enrol.bulkTitle')}
            </Typography>
            <Box sx={{ display: 'grid', gap: 1.25, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
              <ModelSelect value={bulk.handoverModel} onChange={(handoverModel) => setBulk({ ...bulk, handoverModel })} testId="enrol-bulk-model" />
              <DateField
                size="small"
                label={t('rollout.enrol.plannedLaunch')}
                value={bulk.plannedLaunch}
                onChange={(plannedLaunch) => setBulk({ ...bulk, plannedLaunch })}
                helperText={t('rollout.enrol.plannedLaunchDefault', { date: formatDate(phase.plannedEnd) })}
                testId="enrol-bulk-launch"
              />
              <Box sx={{ gridColumn: '1 / -1' }}>
                <EnrolPostOfficePicker
                  provinceCode={scope}
                  label={t('rollout.enrol.postOffice')}
                  value={bulk.postOffice}
                  onChange={(postOffice) => setBulk({ ...bulk, postOffice })}
                  testId="enrol-bulk-post-office"
                />
              </Box>
            </Box>
            <Button size="small" sx={{ mt: 1 }} onClick={applyToAll} disabled={selected.length === 0} data-testid="enrol-apply-all">
              {t('rollout.enrol.applyAll')}
            </Button>
          </Paper>
          {form.message('sites') && (
            <Alert severity="error" sx={{ mb: 1.5 }} data-testid="enrol-pick-one">
              {form.message('sites')}
            </Alert>
          )}
          {selected.length === 0 ? (
            <Typography variant="body2" color="text.secondary" sx={{ py: 2 }} data-testid="enrol-none-selected">
              {t('rollout.enrol.noneSelected')}
            </Typography>
          ) : (
            <Stack spacing={1.25} sx={{ maxHeight: { md: '46vh' }, overflowY: { md: 'auto' }, pr: { md: 0.5 } }}>
              {selected.map((s) => {
                const deskProblem = deskError(s.desk.id, 'oneStopDeskId');
                return (
                  <Paper
                    key={s.desk.id}
                    variant="outlined"
                    sx={{ p: 1.5, borderColor: deskProblem ? 'error.main' : undefined }}
                    data-testid={`enrol-selected-${s.desk.id}`}
                  >
                    <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 1 }}>
                      <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                        <Typography variant="body2" sx={{ fontWeight: 500 }}>
                          {s.desk.name}
                        </Typography>
                        <Typography variant="caption" color="text.secondary">
                          {t(`levels.${s.desk.level}`)} · {s.desk.unitName}
                        </Typography>
                      </Box>
                      <IconButton size="small" onClick={() => setSelected((prev) => prev.filter((x) => x.desk.id !== s.desk.id))} aria-label={t('rollout.enrol.remove', { name: s.desk.name })}>
                        <CloseIcon fontSize="small" />
                      </IconButton>
                    </Box>
                    {deskProblem && (
                      <Alert severity="error" sx={{ mb: 1, py: 0 }} data-testid="enrol-desk-error">
                        {deskProblem}
                      </Alert>
                    )}
                    <Box sx={{ display: 'grid', gap: 1.25, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
                      <ModelSelect value={s.handoverModel} onChange={(handoverModel) => update(s.desk.id, { handoverModel })} error={deskError(s.desk.id, 'handoverModel')} testId={`enrol-model-${s.desk.id}`} />
                      <DateField
                        size="small"
                        label={t('rollout.enrol.plannedLaunch')}
                        value={s.plannedLaunch}
                        onChange={(plannedLaunch) => update(s.desk.id, { plannedLaunch })}
                        error={deskError(s.desk.id, 'plannedLaunch')}
                        helperText={s.plannedLaunch ? undefined : t('rollout.enrol.plannedLaunchDefault', { date: formatDate(phase.plannedEnd) })}
                        testId={`enrol-launch-${s.desk.id}`}
                      />
                      <Box sx={{ gridColumn: '1 / -1' }}>
                        <EnrolPostOfficePicker
                          provinceCode={scope}
                          label={t('rollout.enrol.postOffice')}
                          value={s.postOffice}
                          onChange={(postOffice) => update(s.desk.id, { postOffice })}
                          required={s.handoverModel === 'AT_POST_OFFICE'}
                          error={deskError(s.desk.id, 'postOfficeId')}
                          helperText={t(`rollout.labels.handoverModelHint.${s.handoverModel}`)}
                          testId={`enrol-post-office-${s.desk.id}`}
                        />
                      </Box>
                    </Box>
                  </Paper>
                );
              })}
            </Stack>
          )}
          <Box sx={{ mt: 2, maxWidth: 260 }}>
            <DateField label={t('rollout.enrol.on')} value={on} onChange={setOn} required disableFuture error={form.message('on')} helperText={t('rollout.enrol.onHint')} testId="enrol-on" size="small" />
          </Box>
        </Box>
      </Box>
    </FormDialog>
  );
}

function ModelSelect({ value, onChange, error, testId }: { value: HandoverModel; onChange: (v: HandoverModel) => void; error?: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      size="small"
      label={t('rollout.enrol.model')}
      value={value}
      onChange={(e) => onChange(e.target.value as HandoverModel)}
      {...fieldHelp({ error })}
      slotProps={{ htmlInput: { 'data-testid': testId } }}
    >
      {HANDOVER_MODELS.map((m) => (
        <MenuItem key={m} value={m}>
          {t(`rollout.labels.handoverModel.${m}`)}
        </MenuItem>
      ))}
    </TextField>
  );
}
