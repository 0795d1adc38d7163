import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { FormDialog } from '../../components/FormDialog';
import { CreateAgencyDocument, type AgencyKind } from '../../graphql/generated';
import { AGENCY_KINDS } from './enums';
import { UnitPicker, type UnitOption } from './pickers';
import { CodeNameFields, useRecordForm, type CreateDialogProps } from './RecordDialogs';
import { fieldHelp } from '../../components/FieldHelp';
import { chooseSlotProps } from '../../components/choose';

const FIELDS = ['kind', 'code', 'name', 'administrativeUnitCode'] as const;

/** Thêm cơ quan: kind, code, name, and the unit it serves (a province for a department). */
export function AgencyCreateDialog({ onClose, onCreated }: CreateDialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [create] = useMutation(CreateAgencyDocument, { refetchQueries: ['Agencies'] });
  const { run, requireFilled, message, dialog } = useRecordForm(FIELDS);

  const onSubmit = () => {
    if (!requireFilled({ kind, code: code.trim(), name: name.trim(), administrativeUnitCode: unit }) || !kind || !unit) return;
    void run(async () => {
      const { data } = await create({ variables: { input: { kind, code: code.trim(), name: name.trim(), administrativeUnitCode: unit.code } } });
      const id = data?.createAgency.agency.id;
      if (id) onCreated(id);
    });
  };

  return (
    <FormDialog
      open
      title={t('organisation.agencies.create')}
      submitLabel={t('form.create')}
      {...dialog}
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
        {...fieldHelp({ error: message('kind') })}
        slotProps={chooseSlotProps<AgencyKind>(t, (k) => t(`agencyKinds.${k}`))}
      >
        {AGENCY_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`agencyKinds.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <CodeNameFields
        code={code}
        setCode={setCode}
        name={name}
        setName={setName}
        message={message}
        codeHint={t('organisation.agencies.codeHint')}
        testIdPrefix="agency"
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
