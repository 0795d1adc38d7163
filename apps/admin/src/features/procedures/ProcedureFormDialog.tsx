import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { FormDialog } from '../../components/FormDialog';
import { fieldHelp } from '../../components/FieldHelp';
import {
  CatalogueProcedureFieldsDocument,
  CreateCatalogueProcedureDocument,
  UpdateCatalogueProcedureDocument,
  type BcciMode,
  type CatalogueProcedureDetailFragment,
  type OnlineLevel,
  type ProcedureLevel,
  type ProcessingTimeUnit,
} from '../../graphql/generated';
import { rowPaths, useFormState } from '../../hooks/useFormState';
import { AgencyPicker, type AgencyOption } from '../organisation/pickers';
import { ChecklistEditor, COPIES_MAX, newLine, type ChecklistLine } from './ChecklistEditor';
import { BCCI_MODES, LEVELS, ONLINE_LEVELS, UNITS } from './format';

const CODE = /^[A-Za-z0-9.\-]{1,32}$/;
const FEE_MAX = 100_000_000;
export const CATALOGUE_QUERIES = ['CatalogueProcedures', 'CatalogueProcedure'];

/** An amount as typed in the form: `50.000` (the dots are ignored when read back). */
const amountText = (amount: number) => new Intl.NumberFormat('vi-VN').format(amount);

/** A whole number typed in a field, or null when it is not one in [min, max]. */
function whole(text: string, min: number, max: number): number | null {
  const compact = text.replace(/[.\s]/g, '');
  if (!/^\d+$/.test(compact)) return null;
  const n = Number(compact);
  return n >= min && n <= max ? n : null;
}

interface Props {
  /** The procedure to edit; none to create one. */
  procedure?: CatalogueProcedureDetailFragment;
  onClose: () => void;
  onSaved?: (id: string) => void;
  /** Reloads the procedure after a CONFLICT. */
  onReload?: () => void;
}

/** Thêm / Sửa thủ tục: every field of the catalogue with the checklist editor; the API's field errors under the fields. */
export function ProcedureFormDialog({ procedure, onClose, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const { data: fieldsData } = useQuery(CatalogueProcedureFieldsDocument);
  const [code, setCode] = useState(procedure?.code ?? '');
  const [name, setName] = useState(procedure?.name ?? '');
  const [fieldId, setFieldId] = useState(procedure?.field.id ?? '');
  const [level, setLevel] = useState<ProcedureLevel | ''>(procedure?.level ?? '');
  const [agency, setAgency] = useState<AgencyOption | null>(procedure?.agency ? { id: procedure.agency.id, label: procedure.agency.name, unitCode: procedure.agency.administrativeUnit.code } : null);
  const [processingTime, setProcessingTime] = useState(procedure ? String(procedure.processingTime) : '');
  const [processingUnit, setProcessingUnit] = useState<ProcessingTimeUnit>(procedure?.processingUnit ?? 'WORKING_DAYS');
  const [procedureFee, setProcedureFee] = useState(procedure ? amountText(procedure.procedureFee) : '0');
  const [postalFee, setPostalFee] = useState(procedure ? amountText(procedure.postalFee) : '0');
  const [bcciMode, setBcciMode] = useState<BcciMode>(procedure?.bcciMode ?? 'RECEIVE_AND_RETURN');
  const [onlineLevel, setOnlineLevel] = useState<OnlineLevel>(procedure?.onlineLevel ?? 'NONE');
  const [legalBasis, setLegalBasis] = useState(procedure?.legalBasis ?? '');
  const [lines, setLines] = useState<ChecklistLine[]>(() =>
    (procedure?.components ?? []).map((c) => newLine({ name: c.name, originals: String(c.originals), copies: String(c.copies), required: c.required })),
  );
  const [create] = useMutation(CreateCatalogueProcedureDocument, { refetchQueries: CATALOGUE_QUERIES });
  const [update] = useMutation(UpdateCatalogueProcedureDocument, { refetchQueries: CATALOGUE_QUERIES });
  const { busy, problem, run, check, message } = useFormState(onClose);

  const onSubmit = () => {
    const time = whole(processingTime, 1, 365);
    const fee = whole(procedureFee, 0, FEE_MAX);
    const postal = whole(postalFee, 0, FEE_MAX);
    const counts = lines.map((l) => ({ originals: whole(l.originals, 0, COPIES_MAX), copies: whole(l.copies, 0, COPIES_MAX) }));
    const copiesRule = t('procedures.form.whole', { min: 0, max: COPIES_MAX });
    const ok = check({
      code: !code.trim() ? t('form.required') : !CODE.test(code.trim()) && t('procedures.hints.code'),
      name: !name.trim() && t('form.required'),
      fieldId: !fieldId && t('form.required'),
      level: !level && t('form.required'),
      processingTime: time === null && t('procedures.form.whole', { min: 1, max: 365 }),
      procedureFee: fee === null && t('procedures.form.whole', { min: 0, max: new Intl.NumberFormat('vi-VN').format(FEE_MAX) }),
      postalFee: postal === null && t('procedures.form.whole', { min: 0, max: new Intl.NumberFormat('vi-VN').format(FEE_MAX) }),
      ...Object.fromEntries(
        lines.flatMap((l, i) => [
          [`components.${i}.name`, !l.name.trim() && t('form.required')],
          [`components.${i}.originals`, counts[i].originals === null && copiesRule],
          [`components.${i}.copies`, counts[i].copies === null ? copiesRule : counts[i].originals === 0 && counts[i].copies === 0 && t('procedures.checklist.needsCopy')],
        ]),
      ),
    });
    if (!ok || !level) return;
    const values = {
      code: code.trim(),
      name: name.trim(),
      fieldId,
      level,
      agencyId: agency?.id ?? null,
      processingTime: time!,
      processingUnit,
      procedureFee: fee!,
      postalFee: postal!,
      bcciMode,
      onlineLevel,
      legalBasis: legalBasis.trim() || null,
      components: lines.map((l, i) => ({ name: l.name.trim(), originals: counts[i].originals!, copies: counts[i].copies!, required: l.required })),
    };
    void run(async () => {
      if (procedure) {
        await update({ variables: { input: { ...values, id: procedure.id, version: procedure.version } } });
        onSaved?.(procedure.id);
      } else {
        const { data } = await create({ variables: { input: values } });
        if (data) onSaved?.(data.createProcedure.procedure.id);
      }
    });
  };

  const fields = ['code', 'name', 'fieldId', 'level', 'agencyId', 'processingTime', 'processingUnit', 'procedureFee', 'postalFee', 'bcciMode', 'onlineLevel', 'legalBasis', ...rowPaths('components', lines.length, ['name', 'originals', 'copies', 'required'])];
  const fieldOptions = fieldsData?.procedureFields ?? [];
  // A retired field still shows on a procedure that has it.
  const withCurrent = procedure && !fieldOptions.some((f) => f.id === procedure.field.id) ? [...fieldOptions, { id: procedure.field.id, code: '', name: procedure.field.name }] : fieldOptions;
  const twoColumns = { display: 'grid', gap: 2.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } } as const;

  return (
    <FormDialog
      title={procedure ? t('procedures.form.editTitle') : t('procedures.form.createTitle')}
      submitLabel={procedure ? t('form.save') : t('form.create')}
      busy={busy}
      problem={problem}
      fields={fields}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      dividers
      onReload={onReload}
      conflictMessage={t('procedures.page.conflict')}
      testId="procedure-form"
    >
      <Box sx={{ ...twoColumns, gridTemplateColumns: { xs: '1fr', sm: '200px 1fr' } }}>
        <TextField
          label={t('procedures.fields.code')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          autoFocus={!procedure}
          autoComplete="off"
          {...fieldHelp({ hint: t('procedures.hints.code'), error: message('code') })}
          slotProps={{ htmlInput: { 'data-testid': 'procedure-code', spellCheck: false, maxLength: 32 } }}
        />
        <TextField
          label={t('procedures.fields.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          multiline
          autoComplete="off"
          {...fieldHelp({ error: message('name'), max: 1000 })}
          slotProps={{ htmlInput: { 'data-testid': 'procedure-name', maxLength: 1000 } }}
        />
      </Box>
      <Box sx={twoColumns}>
        <TextField
          select
          label={t('procedures.fields.field')}
          value={fieldOptions.length || procedure ? fieldId : ''}
          onChange={(e) => setFieldId(e.target.value)}
          required
          {...fieldHelp({ error: message('fieldId') })}
          slotProps={{ htmlInput: { 'data-testid': 'procedure-field' } }}
        >
          {withCurrent.map((f) => (
            <MenuItem key={f.id} value={f.id}>
              {f.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('procedures.fields.level')}
          value={level}
          onChange={(e) => setLevel(e.target.value as ProcedureLevel)}
          required
          {...fieldHelp({ error: message('level') })}
          slotProps={{ htmlInput: { 'data-testid': 'procedure-level' } }}
        >
          {LEVELS.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`procedures.levels.${l}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <AgencyPicker label={t('procedures.fields.agency')} value={agency} onChange={setAgency} error={message('agencyId')} helperText={message('agencyId') ?? t('procedures.hints.agency')} testId="procedure-agency" />
      <Box sx={twoColumns}>
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: '120px 1fr' }}>
          <TextField
            label={t('procedures.fields.processingTimeShort')}
            value={processingTime}
            onChange={(e) => setProcessingTime(e.target.value)}
            required
            {...fieldHelp({ error: message('processingTime') })}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'procedure-time', maxLength: 3 } }}
          />
          <TextField
            select
            label={t('procedures.fields.processingUnit')}
            value={processingUnit}
            onChange={(e) => setProcessingUnit(e.target.value as ProcessingTimeUnit)}
            {...fieldHelp({ hint: t('procedures.hints.processingTime'), error: message('processingUnit') })}
            slotProps={{ htmlInput: { 'data-testid': 'procedure-unit' } }}
          >
            {UNITS.map((u) => (
              <MenuItem key={u} value={u}>
                {t(`procedures.units.${u}`)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: '1fr 1fr' }}>
          <TextField
            label={t('procedures.fields.procedureFee')}
            value={procedureFee}
            onChange={(e) => setProcedureFee(e.target.value)}
            required
            {...fieldHelp({ hint: t('procedures.hints.fee'), error: message('procedureFee') })}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'procedure-fee' } }}
          />
          <TextField
            label={t('procedures.fields.postalFee')}
            value={postalFee}
            onChange={(e) => setPostalFee(e.target.value)}
            required
            {...fieldHelp({ hint: t('procedures.hints.postalFee'), error: message('postalFee') })}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'procedure-postal-fee' } }}
          />
        </Box>
      </Box>
      <Box sx={twoColumns}>
        <TextField
          select
          label={t('procedures.fields.bcciMode')}
          value={bcciMode}
          onChange={(e) => setBcciMode(e.target.value as BcciMode)}
          {...fieldHelp({ hint: t(`procedures.bcciModeHelp.${bcciMode}`), error: message('bcciMode') })}
          slotProps={{ htmlInput: { 'data-testid': 'procedure-bcci' } }}
        >
          {BCCI_MODES.map((m) => (
            <MenuItem key={m} value={m}>
              {t(`procedures.bcciModes.${m}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('procedures.fields.onlineLevel')}
          value={onlineLevel}
          onChange={(e) => setOnlineLevel(e.target.value as OnlineLevel)}
          {...fieldHelp({ error: message('onlineLevel') })}
          slotProps={{ htmlInput: { 'data-testid': 'procedure-online' } }}
        >
          {ONLINE_LEVELS.map((l) => (
            <MenuItem key={l} value={l}>
              {t(`procedures.onlineLevels.${l}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      <TextField
        label={t('procedures.fields.legalBasis')}
        value={legalBasis}
        onChange={(e) => setLegalBasis(e.target.value)}
        multiline
        {...fieldHelp({ hint: t('procedures.hints.legalBasis'), error: message('legalBasis'), max: 2000 })}
        slotProps={{ htmlInput: { 'data-testid': 'procedure-legal-basis', maxLength: 2000 } }}
      />
      <ChecklistEditor lines={lines} onChange={setLines} message={message} />
    </FormDialog>
  );
}
