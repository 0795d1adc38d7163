import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Autocomplete, { type AutocompleteRenderInputParams } from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { renderOptionWithDetail, useAutocompleteTexts } from '../../components/autocomplete';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { todayIso } from '../../dates';
import { RolloutMeetingRecordDocument, RolloutMeetingSiteOptionsDocument, type MeetingKind } from '../../graphql/generated';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { rowPaths, useFormState } from '../../hooks/useFormState';
import { MEETING_KINDS } from './enums';
import { RowList, TextList } from './ProgrammeForms';
import { fieldHelp } from '../../components/FieldHelp';
import { chooseInput } from '../../components/choose';
import { LIMITS } from '../../limits';

export interface MeetingSiteOption {
  id: string;
  label: string;
  detail: string;
}

interface SitePickerBase {
  programmeId: string;
  label: string;
  error?: string;
  helperText?: string;
  testId?: string;
  size?: 'small' | 'medium';
}

/** The programme's sites, searched by desk name as you type (the API ignores diacritics): what both site pickers give their Autocomplete. */
function useSitePicker(programmeId: string, { label, error, helperText, testId }: Omit<SitePickerBase, 'programmeId' | 'size'>) {
  const { t } = useTranslation();
  const texts = useAutocompleteTexts();
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const search = useDebouncedValue(text.trim(), 250);
  const { data, previousData, loading } = useQuery(RolloutMeetingSiteOptionsDocument, { variables: { programmeId, search: search || null }, skip: !opened });
  const options: MeetingSiteOption[] = ((data ?? previousData)?.pilotSites.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.oneStopDesk.name,
    detail: `${t(`levels.${node.level}`)} · ${t('rollout.phases.ordinalShort', { ordinal: node.phase.ordinal })}`,
  }));
  return {
    options,
    props: {
      onInputChange: (_e: unknown, typed: string, reason: string) => reason === 'input' && setText(typed),
      onOpen: () => setOpened(true),
      filterOptions: (x: MeetingSiteOption[]) => x,
      getOptionLabel: (o: MeetingSiteOption) => o.label,
      isOptionEqualToValue: (a: MeetingSiteOption, b: MeetingSiteOption) => a.id === b.id,
      loading: loading || text.trim() !== search,
      ...texts,
      renderOption: renderOptionWithDetail,
      renderInput: (params: AutocompleteRenderInputParams) => (
        <TextField
          {...params}
          label={label}
          {...fieldHelp({ hint: helperText, error })}
          placeholder={chooseInput(t, params).placeholder}
          slotProps={{ ...params.slotProps, inputLabel: chooseInput(t, params).inputLabel, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      ),
    },
  };
}

/** Đơn vị liên quan: several sites of the programme. */
export function MeetingSitesPicker({ programmeId, value, onChange, ...field }: SitePickerBase & { value: MeetingSiteOption[]; onChange: (v: MeetingSiteOption[]) => void }) {
  const { options, props } = useSitePicker(programmeId, field);
  return <Autocomplete<MeetingSiteOption, true> multiple value={value} onChange={(_e, next) => onChange(next)} options={options} {...props} />;
}

/** One site of the programme, or none. */
export function MeetingSitePicker({ programmeId, value, onChange, size, ...field }: SitePickerBase & { value: MeetingSiteOption | null; onChange: (v: MeetingSiteOption | null) => void }) {
  const { options, props } = useSitePicker(programmeId, field);
  return (
    <Autocomplete<MeetingSiteOption>
      value={value}
      onChange={(_e, next) => onChange(next)}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      size={size}
      {...props}
    />
  );
}

interface ActionRow {
  title: string;
  owner: string;
  dueOn: string;
  site: MeetingSiteOption | null;
}

const ACTION_FIELDS = ['title', 'owner', 'dueOn', 'siteId'] as const;

/** Ghi nhận cuộc họp: kind, day, title, place, decisions, the sites it touched and the tasks it gave. */
export function MeetingRecordDialog({ programmeId, onClose }: { programmeId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<MeetingKind>('QUARTERLY_REVIEW');
  const [heldOn, setHeldOn] = useState(todayIso());
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [decisions, setDecisions] = useState<string[]>(['']);
  const [sites, setSites] = useState<MeetingSiteOption[]>([]);
  const [actions, setActions] = useState<ActionRow[]>([]);
  const [record] = useMutation(RolloutMeetingRecordDocument, { refetchQueries: ['RolloutProgramme'], awaitRefetchQueries: true });
  const form = useFormState(onClose);

  const onSubmit = () => {
    const checks: Record<string, string | undefined> = {
      heldOn: dayProblem(heldOn, true, t),
      title: title.trim() ? undefined : t('form.required'),
    };
    decisions.forEach((d, i) => {
      // An empty last line is left out rather than refused.
      if (!d.trim() && decisions.length > 1 && i < decisions.length - 1) checks[`decisions.${i}`] = t('form.required');
    });
    actions.forEach((a, i) => {
      if (!a.title.trim()) checks[`actionItems.${i}.title`] = t('form.required');
      if (!a.owner.trim()) checks[`actionItems.${i}.owner`] = t('form.required');
      checks[`actionItems.${i}.dueOn`] = dayProblem(a.dueOn, true, t);
    });
    if (!form.check(checks)) return;
    void form.run(() =>
      record({
        variables: {
          input: {
            programmeId,
            kind,
            heldOn,
            title: title.trim(),
            location: location.trim() || null,
            decisions: decisions.map((d) => d.trim()).filter(Boolean),
            siteIds: sites.map((s) => s.id),
            actionItems: actions.map((a) => ({ title: a.title.trim(), owner: a.owner.trim(), dueOn: a.dueOn, siteId: a.site?.id ?? null })),
          },
        },
      }),
    );
  };

  const fields = [
    'kind',
    'heldOn',
    'title',
    'location',
    'siteIds',
    ...sites.map((_s, i) => `siteIds.${i}`),
    'decisions',
    ...decisions.map((_d, i) => `decisions.${i}`),
    ...rowPaths('actionItems', actions.length, ACTION_FIELDS),
  ];
  const siteIdsError = form.message('siteIds') ?? sites.map((_s, i) => form.message(`siteIds.${i}`)).find(Boolean);
  return (
    <FormDialog
      title={t('rollout.meetings.record')}
      submitLabel={t('rollout.meetings.recordSubmit')}
      busy={form.busy}
      problem={form.problem}
      fields={fields}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      dividers
      testId="meeting-form"
    >
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
        <TextField
          select
          label={t('rollout.meetings.fields.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as MeetingKind)}
          required
          {...fieldHelp({ error: form.message('kind') })}
          slotProps={{ htmlInput: { 'data-testid': 'meeting-kind' } }}
        >
          {MEETING_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`rollout.labels.meetingKind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <DateField label={t('rollout.meetings.fields.heldOn')} value={heldOn} onChange={setHeldOn} required error={form.message('heldOn')} testId="meeting-held-on" />
      </Box>
      <TextField
        label={t('rollout.meetings.fields.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        autoFocus
        {...fieldHelp({ hint: t('rollout.meetings.titleHint'), error: form.message('title'), max: LIMITS.meetingTitle })}
        slotProps={{ htmlInput: { 'data-testid': 'meeting-title' } }}
      />
      <TextField
        label={t('rollout.meetings.fields.location')}
        value={location}
        onChange={(e) => setLocation(e.target.value)}
        {...fieldHelp({ error: form.message('location'), max: LIMITS.meetingTitle })}
        slotProps={{ htmlInput: { 'data-testid': 'meeting-location' } }}
      />
      <TextList
        title={t('rollout.meetings.fields.decisions')}
        values={decisions}
        onChange={setDecisions}
        itemLabel={(i) => t('rollout.meetings.decisionN', { index: i + 1 })}
        addLabel={t('rollout.meetings.addDecision')}
        emptyText={t('rollout.meetings.noDecisionsYet')}
        removeLabel={(i) => t('rollout.meetings.removeDecision', { index: i + 1 })}
        messageOf={(i) => form.message(`decisions.${i}`)}
        max={LIMITS.decision}
        multiline
        testId="meeting-decisions"
      />
      <MeetingSitesPicker
        programmeId={programmeId}
        label={t('rollout.meetings.fields.sites')}
        value={sites}
        onChange={setSites}
        error={siteIdsError}
        helperText={t('rollout.meetings.sitesHint')}
        testId="meeting-sites"
      />
      <RowList<ActionRow>
        title={t('rollout.meetings.fields.actionItems')}
        rows={actions}
        onChange={setActions}
        blank={() => ({ title: '', owner: '', dueOn: '', site: null })}
        addLabel={t('rollout.meetings.addActionItem')}
        emptyText={t('rollout.meetings.noActionItemsYet')}
        removeLabel={(i) => t('rollout.meetings.removeActionItem', { index: i + 1 })}
        testId="meeting-actions"
        renderRow={(row, i, update) => (
          <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '1.2fr 1fr 170px' } }}>
            <TextField
              size="small"
              label={t('rollout.meetings.fields.actionTitle')}
              value={row.title}
              onChange={(e) => update({ title: e.target.value })}
              required
              multiline
              sx={{ gridColumn: { sm: '1 / -1', md: 'auto' } }}
              {...fieldHelp({ error: form.message(`actionItems.${i}.title`), max: LIMITS.title, value: row.title })}
              slotProps={{ htmlInput: { 'data-testid': `meeting-actions-${i}-title` } }}
            />
            <TextField
              size="small"
              label={t('rollout.meetings.fields.owner')}
              value={row.owner}
              onChange={(e) => update({ owner: e.target.value })}
              required
              {...fieldHelp({ hint: t('rollout.meetings.ownerHint'), error: form.message(`actionItems.${i}.owner`), max: LIMITS.short })}
              slotProps={{ htmlInput: { 'data-testid': `meeting-actions-${i}-owner` } }}
            />
            <DateField
              size="small"
              label={t('rollout.meetings.fields.dueOn')}
              value={row.dueOn}
              onChange={(dueOn) => update({ dueOn })}
              required
              error={form.message(`actionItems.${i}.dueOn`)}
              testId={`meeting-actions-${i}-dueOn`}
            />
            <Box sx={{ gridColumn: '1 / -1' }}>
              <MeetingSitePicker
                size="small"
                programmeId={programmeId}
                label={t('rollout.meetings.fields.actionSite')}
                value={row.site}
                onChange={(site) => update({ site })}
                error={form.message(`actionItems.${i}.siteId`)}
                testId={`meeting-actions-${i}-site`}
              />
            </Box>
          </Box>
        )}
      />
    </FormDialog>
  );
}
