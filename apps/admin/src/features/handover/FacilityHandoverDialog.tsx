import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import {
  HandoverCreateFacilityDocument,
  HandoverUpdateFacilityDocument,
  type EquipmentLineInput,
  type HandoverFacilityFieldsFragment,
  type PremisesInput,
} from '../../graphql/generated';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { NoteField } from '../../components/NoteField';
import { rowPaths, useFormState, type FieldErrors } from '../../hooks/useFormState';
import { RowsEditor, checkRows, formatVnd, type RowColumn } from './HandoverForm';
import { fieldHelp } from '../../components/FieldHelp';
import { LIMITS } from '../../limits';

type EquipmentKey = 'type' | 'quantity' | 'value' | 'fundedBy';
type EquipmentRow = Record<EquipmentKey, string>;
const EQUIPMENT_KEYS: readonly EquipmentKey[] = ['type', 'quantity', 'value', 'fundedBy'];

interface PremisesState {
  address: string;
  owner: string;
}

const premisesOf = (p: { address: string; owner: string } | null | undefined): PremisesState => ({ address: p?.address ?? '', owner: p?.owner ?? '' });
const premisesInput = (p: PremisesState): PremisesInput | null =>
  p.address.trim() || p.owner.trim() ? { address: p.address.trim(), owner: p.owner.trim() } : null;
/** Digits typed → a number; '' → 0. */
const amount = (text: string) => (text.trim() === '' ? 0 : Number(text));

export interface FacilityHandoverDialogProps {
  siteId: string;
  /** The draft to change; without it, a new draft. */
  handover?: HandoverFacilityFieldsFragment;
  /** Premises to suggest in a new draft: where the desk is, and the partner post office. */
  defaults?: { before?: PremisesState; after?: PremisesState };
  onClose: () => void;
  onReload: () => void;
}

/**
 * Chuyển giao cơ sở vật chất (draft): premises before and after, equipment lines, construction cost,
 * relocation day and condition. The API's errors land under each field (`equipment.2.value`,
 * `premisesAfter.address`).
 */
export function FacilityHandoverDialog({ siteId, handover, defaults = {}, onClose, onReload }: FacilityHandoverDialogProps) {
  const { t } = useTranslation();
  const [before, setBefore] = useState<PremisesState>(handover ? premisesOf(handover.premisesBefore) : (defaults.before ?? premisesOf(null)));
  const [after, setAfter] = useState<PremisesState>(handover ? premisesOf(handover.premisesAfter) : (defaults.after ?? premisesOf(null)));
  const [equipment, setEquipment] = useState<EquipmentRow[]>(
    handover?.equipment.map((e) => ({ type: e.type, quantity: String(e.quantity), value: String(e.value), fundedBy: e.fundedBy })) ?? [],
  );
  const [constructionCost, setConstructionCost] = useState(handover ? String(handover.constructionCost) : '');
  const [relocationOn, setRelocationOn] = useState(handover?.relocationOn ?? '');
  const [conditionNotes, setConditionNotes] = useState(handover?.conditionNotes ?? '');
  const [effectiveOn, setEffectiveOn] = useState(handover?.effectiveOn ?? '');
  const [note, setNote] = useState(handover?.note ?? '');
  const [create] = useMutation(HandoverCreateFacilityDocument, { refetchQueries: ['SitePilotSite'] });
  const [update] = useMutation(HandoverUpdateFacilityDocument, { refetchQueries: ['SitePilotSite'] });
  const form = useFormState(onClose);

  const columns: RowColumn<EquipmentKey>[] = [
    { key: 'type', label: t('handover.fields.equipmentType'), required: true, grow: 3 },
    { key: 'quantity', label: t('handover.fields.quantity'), required: true, kind: 'integer', grow: 1 },
    { key: 'value', label: t('handover.fields.valueVnd'), required: true, kind: 'money', grow: 2 },
    { key: 'fundedBy', label: t('handover.fields.fundedBy'), required: true, grow: 2 },
  ];
  const premisesFields = ['premisesBefore', 'premisesAfter'].flatMap((p) => [p, `${p}.address`, `${p}.owner`]);
  const fields = [
    ...premisesFields,
    ...rowPaths('equipment', equipment.length, EQUIPMENT_KEYS),
    'constructionCost',
    'relocationOn',
    'conditionNotes',
    'effectiveOn',
    'note',
  ];
  const total = amount(constructionCost) + equipment.reduce((sum, e) => sum + amount(e.value), 0);

  const onSubmit = () => {
    const errors: FieldErrors = { ...checkRows('equipment', equipment, ['type', 'quantity', 'value', 'fundedBy'], t('form.required')) };
    equipment.forEach((row, i) => {
      if (row.quantity && amount(row.quantity) < 1) errors[`equipment.${i}.quantity`] = t('handover.facility.quantityMin');
    });
    for (const [path, p] of [
      ['premisesBefore', before],
      ['premisesAfter', after],
    ] as const) {
      if (!p.address.trim() && !p.owner.trim()) continue;
      if (!p.address.trim()) errors[`${path}.address`] = t('handover.facility.premisesBoth');
      if (!p.owner.trim()) errors[`${path}.owner`] = t('handover.facility.premisesBoth');
    }
    const relocation = dayProblem(relocationOn, false, t);
    if (relocation) errors.relocationOn = relocation;
    const effective = dayProblem(effectiveOn, false, t);
    if (effective) errors.effectiveOn = effective;
    if (!form.check(errors)) return;
    const values = {
      premisesBefore: premisesInput(before),
      premisesAfter: premisesInput(after),
      equipment: equipment.map((e): EquipmentLineInput => ({
        type: e.type.trim(),
        quantity: amount(e.quantity),
        value: amount(e.value),
        fundedBy: e.fundedBy.trim(),
      })),
      constructionCost: amount(constructionCost),
      relocationOn: relocationOn || null,
      conditionNotes: conditionNotes.trim() || null,
      effectiveOn: effectiveOn || null,
      note: note.trim() || null,
    };
    void form.run(() =>
      handover
        ? update({ variables: { input: { id: handover.id, version: handover.version, ...values } } })
        : create({ variables: { input: { siteId, ...values } } }),
    );
  };

  const premises = (path: 'premisesBefore' | 'premisesAfter', value: PremisesState, set: (p: PremisesState) => void) => (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, minWidth: 0 }}>
      <Typography component="legend" variant="subtitle2" sx={{ mb: 1 }}>
        {t(`handover.fields.${path}`)}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <TextField
          size="small"
          label={t('handover.fields.address')}
          value={value.address}
          onChange={(e) => set({ ...value, address: e.target.value })}
          {...fieldHelp({ error: form.message(`${path}.address`), max: LIMITS.address, value: value.address })}
          sx={{ flex: '3 1 240px' }}
          slotProps={{ htmlInput: { 'data-testid': `${path}-address` } }}
        />
        <TextField
          size="small"
          label={t('handover.fields.owner')}
          value={value.owner}
          onChange={(e) => set({ ...value, owner: e.target.value })}
          {...fieldHelp({ error: form.message(`${path}.owner`), max: LIMITS.short })}
          sx={{ flex: '2 1 180px' }}
          slotProps={{ htmlInput: { 'data-testid': `${path}-owner` } }}
        />
      </Box>
      {form.message(path) && (
        <Typography variant="caption" color="error">
          {form.message(path)}
        </Typography>
      )}
    </Box>
  );

  return (
    <FormDialog
      title={handover ? t('handover.facility.editTitle') : t('handover.facility.createTitle')}
      submitLabel={handover ? t('form.save') : t('handover.facility.createSubmit')}
      busy={form.busy}
      problem={form.problem}
      fields={fields}
      onReload={onReload}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      testId="facility-form"
    >
      {premises('premisesBefore', before, setBefore)}
      {premises('premisesAfter', after, setAfter)}
      <RowsEditor
        path="equipment"
        title={t('handover.fields.equipment')}
        columns={columns}
        rows={equipment}
        onChange={setEquipment}
        message={form.message}
        addLabel={t('handover.facility.addEquipment')}
        removeLabel={t('handover.form.removeRow')}
        emptyText={t('handover.facility.noEquipmentYet')}
        testId="equipment"
      />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <TextField
          label={t('handover.fields.constructionCostVnd')}
          value={constructionCost}
          onChange={(e) => setConstructionCost(e.target.value.replace(/[^\d]/g, ''))}
          {...fieldHelp({ hint: constructionCost ? formatVnd(amount(constructionCost)) : t('handover.facility.constructionHint'), error: form.message('constructionCost') })}
          sx={{ flex: '1 1 220px' }}
          slotProps={{ htmlInput: { 'data-testid': 'facility-construction-cost', inputMode: 'numeric' } }}
        />
        <Box sx={{ flex: '1 1 220px' }}>
          <DateField
            label={t('handover.fields.relocationOn')}
            value={relocationOn}
            onChange={setRelocationOn}
            error={form.message('relocationOn')}
            testId="facility-relocation-on"
          />
        </Box>
      </Box>
      <Alert severity="info" icon={false} data-testid="facility-investment-total">
        {t('handover.facility.totalPreview', { total: formatVnd(total) })}
      </Alert>
      <NoteField
        label={t('handover.fields.conditionNotes')}
        value={conditionNotes}
        onChange={setConditionNotes}
        error={form.message('conditionNotes')}
        helperText={t('handover.facility.conditionHint')}
        max={LIMITS.conditionNotes}
        testId="facility-condition"
      />
      <DateField
        label={t('handover.fields.plannedEffectiveOn')}
        value={effectiveOn}
        onChange={setEffectiveOn}
        error={form.message('effectiveOn')}
        testId="facility-effective-on"
      />
      <NoteField label={t('handover.fields.note')} value={note} onChange={setNote} error={form.message('note')} testId="facility-note" />
    </FormDialog>
  );
}
