import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { todayIso } from '../../dates';
import { RolloutMeetingRecordDocument, RolloutMeetingSiteOptionsDocument, type MeetingKind } from '../../graphql/generated';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { MEETING_KINDS } from './enums';
import { DateField, RolloutDialog, RowList, TextList, dayProblem, useRolloutForm } from './ProgrammeForms';
import { rowFields } from './ProgrammeRows';

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

/** The programme's sites, searched by desk name as you type (the API ignores diacritics). */
function useSiteOptions(programmeId: string) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [opened, setOpened] = useState(false);
  const search = useDebouncedValue(text.trim(), 250);
  const { data, previousData, loading } = useQuery(RolloutMeetingSiteOptionsDocument, { variables: { programmeId, search: search || null }, skip: !opened });
  const options: MeetingSiteOption[] = ((data ?? previousData)?.pilotSites.edges ?? []).map(({ node }) => ({
    id: node.id,
    label: node.oneStopDesk.name,
    detail: `${t(`levels.${node.level}`)} · ${t('rollout.phases.ordinalShort', { ordinal: node.phase.ordinal })}`,
  }));
  return { options, loading: loading || text.trim() !== search, setText, open: () => setOpened(true) };
}

const renderSiteOption = (props: object, option: MeetingSiteOption) => {
  const { key, ...rest } = props as { key: string };
  return (
    <Box component="li" key={key} {...rest}>
      <div>
        <Typography variant="body2">{option.label}</Typography>
        <Typography variant="caption" color="text.secondary">
          {option.detail}
        </Typography>
      </div>
    </Box>
  );
};

/** Đơn vị liên quan: several sites of the programme. */
export function MeetingSitesPicker({ programmeId, label, value, onChange, error, helperText, testId }: SitePickerBase & { value: MeetingSiteOption[]; onChange: (v: MeetingSiteOption[]) => void }) {
  const { t } = useTranslation();
  const { options, loading, setText, open } = useSiteOptions(programmeId);
  return (
    <Autocomplete<MeetingSiteOption, true>
      multiple
      value={value}
      onChange={(_e, next) => onChange(next)}
      onInputChange={(_e, text, reason) => reason === 'input' && setText(text)}
      onOpen={open}
      options={options}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={loading}
      loadingText={t('form.searching')}
      noOptionsText={t('form.noMatches')}
      openText={t('form.open')}
      closeText={t('form.close')}
      clearText={t('form.clear')}
      renderOption={renderSiteOption}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={Boolean(error)}
          helperText={error ?? helperText}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}

/** One site of the programme, or none. */
export function MeetingSitePicker({ programmeId, label, value, onChange, error, testId, size }: SitePickerBase & { value: MeetingSiteOption | null; onChange: (v: MeetingSiteOption | null) => void }) {
  const { t } = useTranslation();
  const { options, loading, setText, open } = useSiteOptions(programmeId);
  return (
    <Autocomplete<MeetingSiteOption>
      value={value}
      onChange={(_e, next) => onChange(next)}
      onInputChange={(_e, text, reason) => reason === 'input' && setText(text)}
      onOpen={open}
      options={value && !options.some((o) => o.id === value.id) ? [value, ...options] : options}
      filterOptions={(x) => x}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={loading}
      size={size}
      loadingText={t('form.searching')}
      noOptionsText={t('form.noMatches')}
      openText={t('form.open')}
      closeText={t('form.close')}
      clearText={t('form.clear')}
      renderOption={renderSiteOption}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          error={Boolean(error)}
          helperText={error}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
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
  const form = useRolloutForm(onClose);

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
    ...rowFields('actionItems', actions.length, ACTION_FIELDS),
  ];
  const siteIdsError = form.message('siteIds') ?? sites.map((_s, i) => form.message(`siteIds.${i}`)).find(Boolean);
  return (
    <RolloutDialog title={t('rollout.meetings.record')} submitLabel={t('rollout.meetings.recordSubmit')} form={form} fields={fields} onSubmit={onSubmit} onClose={onClose} testId="meeting-form">
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
        <TextField
          select
          label={t('rollout.meetings.fields.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as MeetingKind)}
          required
          error={Boolean(form.message('kind'))}
          helperText={form.message('kind')}
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
        error={Boolean(form.message('title'))}
        helperText={form.message('title') ?? t('rollout.meetings.titleHint')}
        slotProps={{ htmlInput: { 'data-testid': 'meeting-title' } }}
      />
      <TextField
        label={t('rollout.meetings.fields.location')}
        value={location}
        onChange={(e) => setLocation(e.target.value)}
        error={Boolean(form.message('location'))}
        helperText={form.message('location')}
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
              error={Boolean(form.message(`actionItems.${i}.title`))}
              helperText={form.message(`actionItems.${i}.title`)}
              slotProps={{ htmlInput: { 'data-testid': `meeting-actions-${i}-title` } }}
            />
            <TextField
              size="small"
              label={t('rollout.meetings.fields.owner')}
              value={row.owner}
              onChange={(e) => update({ owner: e.target.value })}
              required
              error={Boolean(form.message(`actionItems.${i}.owner`))}
              helperText={form.message(`actionItems.${i}.owner`) ?? t('rollout.meetings.ownerHint')}
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
    </RolloutDialog>
  );
}
