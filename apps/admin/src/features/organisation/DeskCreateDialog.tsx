import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import TextField from '@mui/material/TextField';
import { FormDialog } from '../../components/FormDialog';
import { CreateDeskDocument } from '../../graphql/generated';
import { AgencyPicker, UnitPicker, type AgencyOption, type UnitOption } from './pickers';
import { CodeNameFields, useRecordForm, type CreateDialogProps } from './RecordDialogs';
import { fieldHelp } from '../../components/FieldHelp';
import { LIMITS } from '../../limits';

const FIELDS = ['agencyId', 'code', 'name', 'address', 'administrativeUnitCode'] as const;

/** Thêm Bộ phận Một cửa: the agency it belongs to, code, name, address, and its unit (default: the agency's). */
export function DeskCreateDialog({ onClose, onCreated }: CreateDialogProps) {
  const { t } = useTranslation();
  const [agency, setAgency] = useState<AgencyOption | null>(null);
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [create] = useMutation(CreateDeskDocument, { refetchQueries: ['Desks', 'Agency'] });
  const { run, requireFilled, message, dialog } = useRecordForm(FIELDS);

  const onSubmit = () => {
    if (!requireFilled({ agencyId: agency, code: code.trim(), name: name.trim() }) || !agency) return;
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

  return (
    <FormDialog
      open
      title={t('organisation.desks.create')}
      submitLabel={t('form.create')}
      {...dialog}
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
      <CodeNameFields
        code={code}
        setCode={setCode}
        name={name}
        setName={setName}
        message={message}
        codeHint={t('organisation.desks.codeHint')}
        testIdPrefix="desk"
      />
      <TextField
        label={t('organisation.fields.address')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        {...fieldHelp({ error: message('address'), max: LIMITS.address, value: address })}
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
