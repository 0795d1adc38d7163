import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { FormDialog } from '../../components/FormDialog';
import { CreatePostOfficeDocument, type PostOfficeKind } from '../../graphql/generated';
import { POST_OFFICE_KINDS } from './enums';
import { PostOfficePicker, UnitPicker, type UnitOption } from './pickers';
import type { Option } from './SearchAutocomplete';
import { CodeNameFields, useRecordForm, type CreateDialogProps } from './RecordDialogs';
import { fieldHelp } from '../../components/FieldHelp';
import { chooseSlotProps } from '../../components/choose';
import { LIMITS } from '../../limits';

const FIELDS = ['kind', 'code', 'name', 'address', 'administrativeUnitCode', 'parentId'] as const;

/** Thêm bưu cục: kind, code (e.g. the postal code), name, address, unit, and the office it reports to. */
export function PostOfficeCreateDialog({ onClose, onCreated }: CreateDialogProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PostOfficeKind | ''>('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [unit, setUnit] = useState<UnitOption | null>(null);
  const [parent, setParent] = useState<Option | null>(null);
  const [create] = useMutation(CreatePostOfficeDocument, { refetchQueries: ['PostOffices', 'PostOffice'] });
  const { run, requireFilled, message, dialog } = useRecordForm(FIELDS);

  const onSubmit = () => {
    if (!requireFilled({ kind, code: code.trim(), name: name.trim(), administrativeUnitCode: unit }) || !kind || !unit) return;
    void run(async () => {
      const { data } = await create({
        variables: {
          input: {
            kind,
            code: code.trim(),
            name: name.trim(),
            address: address.trim() || null,
            administrativeUnitCode: unit.code,
            parentId: parent?.id ?? null,
          },
        },
      });
      const id = data?.createPostOffice.postOffice.id;
      if (id) onCreated(id);
    });
  };

  return (
    <FormDialog
      open
      title={t('organisation.postOffices.create')}
      submitLabel={t('form.create')}
      {...dialog}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="post-office-form"
    >
      <TextField
        select
        label={t('organisation.fields.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as PostOfficeKind)}
        required
        {...fieldHelp({ error: message('kind') })}
        slotProps={{ ...chooseSlotProps<PostOfficeKind>(t, (k) => t(`postOfficeKinds.${k}`)), htmlInput: { 'data-testid': 'post-office-kind' } }}
      >
        {POST_OFFICE_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`postOfficeKinds.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <CodeNameFields
        code={code}
        setCode={setCode}
        name={name}
        setName={setName}
        message={message}
        codeHint={t('organisation.postOffices.codeHint')}
        testIdPrefix="post-office"
      />
      <TextField
        label={t('organisation.fields.address')}
        value={address}
        onChange={(e) => setAddress(e.target.value)}
        {...fieldHelp({ error: message('address'), max: LIMITS.address, value: address })}
      />
      <UnitPicker
        label={t('organisation.fields.unit')}
        value={unit}
        onChange={setUnit}
        required
        error={message('administrativeUnitCode')}
        helperText={t('organisation.unitPickerHint')}
        testId="post-office-unit"
      />
      <PostOfficePicker
        label={t('organisation.fields.parentPostOffice')}
        value={parent}
        onChange={setParent}
        error={message('parentId')}
        helperText={t('organisation.postOffices.parentHint')}
        testId="post-office-parent"
      />
    </FormDialog>
  );
}
