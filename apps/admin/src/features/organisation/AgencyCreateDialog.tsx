import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { FormDialog, fieldMessage } from '../../components/FormDialog';
import { CreateAgencyDocument, type AgencyKind } from '../../graphql/generated';
import { AGENCY_KINDS } from './enums';
import { UnitPicker, type UnitOption } from './pickers';
import { useDialogSubmit } from './RecordDialogs';

const FIELDS = ['kind', 'code', 'name', 'administrativeUnitCode'] as const;

/** Thêm cơ quan: kind, code, name, and the unit it serves (a province for a department). */
export function AgencyCreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [create] = useMutation(CreateAgencyDocument, { refetchQueries: ['Agencies'] });
  const { busy, problem, run } = useDialogSubmit(() => undefined);

  const onSubmit = () => {
    const missing: Record<string, string> = {};
    if (!kind) missing.kind = t('form.required');
    if (!code.trim()) missing.code = t('form.required');
    if (!name.trim()) missing.name = t('form.required');
    if (!unit) missing.administrativeUnitCode = t('form.required');
    setLocal(missing);
    if (Object.keys(missing).length > 0 || !kind || !unit) return;
    void run(async () => {
      const { data } = await create({ variables: { input: { kind, code: code.trim(), name: name.trim(), administrativeUnitCode: unit.code } } });
      const id = data?.createAgency.agency.id;
      if (id) onCreated(id);
    });
  };
  const message = (field: (typeof FIELDS)[number]) => fieldMessage(field, problem, local);

  return (
    <FormDialog
      open
      title={t('organisation.agencies.create')}
      submitLabel={t('form.create')}
      busy={busy}
      problem={problem}
      fields={FIELDS}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="agency-form"
    >
      <TextField
        select
        label={t('organisation.fields.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as AgencyKind)}
        required
        error={Boolean(message('kind'))}
        helperText={message('kind')}
      >
        {AGENCY_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`agencyKinds.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        label={t('organisation.fields.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
        error={Boolean(message('code'))}
        helperText={message('code') ?? t('organisation.agencies.codeHint')}
        slotProps={{ htmlInput: { 'data-testid': 'agency-code', spellCheck: false } }}
      />
      <TextField
        label={t('organisation.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={Boolean(message('name'))}
        helperText={message('name')}
        slotProps={{ htmlInput: { 'data-testid': 'agency-name' } }}
      />
      <UnitPicker
        label={t('organisation.fields.unit')}
        value={unit}
        onChange={setUnit}
        required
        error={message('administrativeUnitCode')}
        helperText={t('organisation.agencies.unitHint')}
        testId="agency-unit"
      />
    </FormDialog>
  );
}
