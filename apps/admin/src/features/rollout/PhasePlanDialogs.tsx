import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { RolloutPhaseReplanDocument, RolloutProgrammeAddPhaseDocument, type AdministrativeLevel } from '../../graphql/generated';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { useFormState, type FormState } from '../../hooks/useFormState';
import { TextList } from './ProgrammeForms';
import { fieldHelp } from '../../components/FieldHelp';
import { LIMITS } from '../../limits';

const LEVEL_KEYS = ['province', 'district', 'commune'] as const;
type LevelKey = (typeof LEVEL_KEYS)[number];
const LEVEL_OF: Record<LevelKey, AdministrativeLevel> = { province: 'PROVINCE', district: 'DISTRICT', commune: 'COMMUNE' };

/** What the plan fields hold: targets as typed (text), parsed on submit. */
export interface PlanState {
  plannedStart: string;
  plannedEnd: string;
  targets: Record<LevelKey, string>;
  goLiveGates: string[];
}

type Translate = TFunction;

/** The form's own checks of a plan: both days, the end not before the start, whole targets ≥ 0. */
export function planProblems(plan: PlanState, t: Translate): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {
    plannedStart: dayProblem(plan.plannedStart, true, t),
    plannedEnd: dayProblem(plan.plannedEnd, true, t),
  };
  if (!out.plannedStart && !out.plannedEnd && plan.plannedEnd < plan.plannedStart) out.plannedEnd = t('rollout.phases.endBeforeStart');
  for (const key of LEVEL_KEYS) {
    const text = plan.targets[key].trim();
    if (!/^\d{1,5}$/.test(text)) out[`targets.${key}`] = t('rollout.phases.targetFormat');
  }
  plan.goLiveGates.forEach((gate, i) => {
    if (!gate.trim()) out[`goLiveGates.${i}`] = t('form.required');
  });
  return out;
}

export const planTargets = (plan: PlanState) => ({
  province: Number(plan.targets.province),
  district: Number(plan.targets.district),
  commune: Number(plan.targets.commune),
});

export const planFields = (plan: PlanState) => [
  'plannedStart',
  'plannedEnd',
  'targets',
  ...LEVEL_KEYS.map((k) => `targets.${k}`),
  'goLiveGates',
  ...plan.goLiveGates.map((_g, i) => `goLiveGates.${i}`),
];

/** Planned start and end, targets per level and go-live gates. */
export function PhasePlanFields({ plan, onChange, form }: { plan: PlanState; onChange: (plan: PlanState) => void; form: Pick<FormState, 'message'> }) {
  const { t } = useTranslation();
  return (
    <>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
        <DateField
          label={t('rollout.phases.fields.plannedStart')}
          value={plan.plannedStart}
          onChange={(plannedStart) => onChange({ ...plan, plannedStart })}
          required
          error={form.message('plannedStart')}
          testId="phase-planned-start"
        />
        <DateField
          label={t('rollout.phases.fields.plannedEnd')}
          value={plan.plannedEnd}
          onChange={(plannedEnd) => onChange({ ...plan, plannedEnd })}
          required
          minDate={plan.plannedStart || undefined}
          error={form.message('plannedEnd')}
          testId="phase-planned-end"
        />
      </Box>
      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
          {t('rollout.phases.fields.targets')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          {t('rollout.phases.targetsHint')}
        </Typography>
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: 'repeat(3, 1fr)' } }}>
          {LEVEL_KEYS.map((key) => (
            <TextField
              key={key}
              label={t(`levels.${LEVEL_OF[key]}`)}
              value={plan.targets[key]}
              onChange={(e) => onChange({ ...plan, targets: { ...plan.targets, [key]: e.target.value } })}
              required
              {...fieldHelp({ error: form.message(`targets.${key}`) })}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': `phase-target-${key}` } }}
            />
          ))}
        </Box>
      </Box>
      <TextList
        title={t('rollout.phases.fields.goLiveGates')}
        values={plan.goLiveGates}
        onChange={(goLiveGates) => onChange({ ...plan, goLiveGates })}
        itemLabel={(i) => t('rollout.phases.gateN', { index: i + 1 })}
        addLabel={t('rollout.phases.addGate')}
        emptyText={t('rollout.phases.noGatesYet')}
        removeLabel={(i) => t('rollout.phases.removeGate', { index: i + 1 })}
        messageOf={(i) => form.message(`goLiveGates.${i}`)}
        max={LIMITS.meetingTitle}
        testId="phase-gates"
      />
    </>
  );
}

const blankPlan = (): PlanState => ({ plannedStart: '', plannedEnd: '', targets: { province: '0', district: '0', commune: '0' }, goLiveGates: [] });

/** Thêm giai đoạn: the next phase of a programme, with its plan. */
export function PhaseAddDialog({ programmeId, nextOrdinal, onClose }: { programmeId: string; nextOrdinal: number; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(t('rollout.phases.defaultName', { ordinal: nextOrdinal }));
  const [plan, setPlan] = useState<PlanState>(blankPlan);
  const [add] = useMutation(RolloutProgrammeAddPhaseDocument, { refetchQueries: ['RolloutProgramme'], awaitRefetchQueries: true });
  const form = useFormState(onClose);
  const onSubmit = () => {
    if (!form.check({ name: name.trim() ? undefined : t('form.required'), ...planProblems(plan, t) })) return;
    void form.run(() =>
      add({
        variables: {
          input: {
            programmeId,
            name: name.trim(),
            plannedStart: plan.plannedStart,
            plannedEnd: plan.plannedEnd,
            targets: planTargets(plan),
            goLiveGates: plan.goLiveGates.map((g) => g.trim()),
          },
        },
      }),
    );
  };
  return (
    <FormDialog
      title={t('rollout.phases.add')}
      submitLabel={t('rollout.phases.addSubmit')}
      busy={form.busy}
      problem={form.problem}
      fields={['name', ...planFields(plan)]}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      dividers
      testId="phase-add-form"
    >
      <TextField
        label={t('rollout.phases.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoFocus
        {...fieldHelp({ error: form.message('name'), max: LIMITS.name })}
        slotProps={{ htmlInput: { 'data-testid': 'phase-name' } }}
      />
      <PhasePlanFields plan={plan} onChange={setPlan} form={form} />
    </FormDialog>
  );
}

export interface ReplannedPhase {
  id: string;
  version: number;
  plannedStart: string;
  plannedEnd: string;
  targets: Record<LevelKey, number>;
  goLiveGates: readonly string[];
}

/** Điều chỉnh kế hoạch: new dates, targets and gates with the reason; the old plan goes to the history. */
export function PhaseReplanDialog({ phase, onClose }: { phase: ReplannedPhase; onClose: () => void }) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<PlanState>({
    plannedStart: phase.plannedStart,
    plannedEnd: phase.plannedEnd,
    targets: { province: String(phase.targets.province), district: String(phase.targets.district), commune: String(phase.targets.commune) },
    goLiveGates: [...phase.goLiveGates],
  });
  const [reason, setReason] = useState('');
  const [replan] = useMutation(RolloutPhaseReplanDocument);
  const form = useFormState(onClose);
  const onSubmit = () => {
    if (!form.check({ reason: reason.trim() ? undefined : t('rollout.phases.reasonRequired'), ...planProblems(plan, t) })) return;
    void form.run(() =>
      replan({
        variables: {
          input: {
            id: phase.id,
            version: phase.version,
            plannedStart: plan.plannedStart,
            plannedEnd: plan.plannedEnd,
            targets: planTargets(plan),
            goLiveGates: plan.goLiveGates.map((g) => g.trim()),
            reason: reason.trim(),
          },
        },
      }),
    );
  };
  return (
    <FormDialog
      title={t('rollout.phases.replan')}
      submitLabel={t('rollout.phases.replanSubmit')}
      busy={form.busy}
      problem={form.problem}
      fields={['reason', ...planFields(plan)]}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      dividers
      testId="phase-replan-form"
    >
      <Alert severity="info">{t('rollout.phases.replanHint')}</Alert>
      <PhasePlanFields plan={plan} onChange={setPlan} form={form} />
      <TextField
        label={t('rollout.phases.fields.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        required
        multiline
        minRows={2}
        {...fieldHelp({ hint: t('rollout.phases.reasonHint'), error: form.message('reason'), max: LIMITS.replanReason, value: reason })}
        slotProps={{ htmlInput: { 'data-testid': 'phase-replan-reason' } }}
      />
    </FormDialog>
  );
}
