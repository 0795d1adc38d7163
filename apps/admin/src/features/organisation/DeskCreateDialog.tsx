import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import TextField from '@mui/material/TextField';
import { FormDialog, fieldMessage } from '../../components/FormDialog';
import { CreateDeskDocument } from '../../graphql/generated';
import { AgencyPicker, UnitPicker, type AgencyOption, type UnitOption } from './pickers';
import { useDialogSubmit } from './RecordDialogs';

const FIELDS = ['agencyId', 'code', 'name', 'address', 'administrativeUnitCode'] as const;

/** Thêm Bộ phận Một cửa: the agency it belongs to, code, name, address, and its unit (default: the agency's). */
export function DeskCreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [agency, setAgency] = useState<AgencyOption | null>(null);
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [create] = useMutation(CreateDeskDocument, { refetchQueries: ['Desks', 'Agency'] });
  // On success the page navigates to the new desk, which closes this dialog.
  const { busy, problem, run } = useDialogSubmit(() => undefined);

  const onSubmit = () => {
    const missing: Record<string, string> = {};
    if (!agency) missing.agencyId = t('form.required');
    if (!code.trim()) missing.code = t('form.required');
    if (!name.trim()) missing.name = t('form.required');
    setLocal(missing);
    if (Object.keys(missing).length > 0 || !agency) return;
    void run(async () => {
      const { data } = await create({
        variables: {
          input: {
            agencyId: agency.id,
            code: code.trim(),
            name: name.trim(),
            address: address.trim() || null,
            administrativeUnitCode: unit?.code ?? null,
          },
        },
      });
      const id = data?.createOneStopDesk.oneStopDesk.id;
      if (id) onCreated(id);
    });
  };
  const message = (field: (typeof FIELDS)[number]) => fieldMessage(field, problem, local);

  return (
    <FormDialog
      open
      title={t('organisation.desks.create')}
      submitLabel={t('form.create')}
      busy={busy}
      problem={problem}
      fields={FIELDS}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="desk-form"
    >
      <AgencyPicker
        label={t('organisation.fields.agency')}
        value={agency}
        onChange={setAgency}
        required
        error={message('agencyId')}
        helperText={t('organisation.desks.agencyHint')}
        testId="desk-agency"
      />
      <TextField
        label={t('organisation.fields.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
        error={Boolean(message('code'))}
        helperText={message('code') ?? t('organisation.desks.codeHint')}
        slotProps={{ htmlInput: { 'data-testid': 'desk-code', spellCheck: false } }}
      />
      <TextField
        label={t('organisation.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        error={Boolean(message('name'))}
        helperText={message('name')}
        slotProps={{ htmlInput: { 'data-testid': 'desk-name' } }}
      />
      <TextField
        label={t('organisation.fields.address')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        error={Boolean(message('address'))}
        helperText={message('address')}
        slotProps={{ htmlInput: { 'data-testid': 'desk-address' } }}
      />
      <UnitPicker
        label={t('organisation.fields.unit')}
        value={unit}
        onChange={setUnit}
        error={message('administrativeUnitCode')}
        helperText={t('organisation.desks.unitHint')}
        testId="desk-unit"
      />
    </FormDialog>
  );
}
