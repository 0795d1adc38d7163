import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import TextField from '@mui/material/TextField';
import Box from '@mui/material/Box';
import { RolloutProgrammeCreateDocument } from '../../graphql/generated';
import { useSession } from '../auth/SessionContext';
import { FormDialog } from '../../components/FormDialog';
import { useFormState } from '../../hooks/useFormState';
import { ProgrammeProvinceField, blankDocument, useProgrammeRows } from './ProgrammeRows';
import { fieldHelp } from '../../components/FieldHelp';
import { LIMITS } from '../../limits';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** Tạo đề án: code, name, province, legal basis and steering committee; opens the new programme. */
export function ProgrammeCreateDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [provinceCode, setProvinceCode] = useState(user?.scope?.level === 'PROVINCE' ? user.scope.code : '');
  const rows = useProgrammeRows({ legalBasis: [blankDocument()], committee: [] });
  const [create] = useMutation(RolloutProgrammeCreateDocument, { refetchQueries: ['RolloutProgrammes'] });
  const form = useFormState();

  const onSubmit = () => {
    const ok = form.check({
      code: !code.trim() ? t('form.required') : !CODE.test(code.trim()) ? t('rollout.programmes.codeFormat') : undefined,
      name: !name.trim() ? t('form.required') : undefined,
      provinceCode: !provinceCode ? t('form.required') : undefined,
      legalBasis: rows.documents.length === 0 ? t('rollout.programmes.needsDocument') : undefined,
      ...rows.problems(),
    });
    if (!ok) return;
    void form.run(async () => {
      const { data } = await create({
        variables: {
          input: { code: code.trim(), name: name.trim(), provinceCode, ...rows.input() },
        },
      });
      const id = data?.createPilotProgramme.pilotProgramme.id;
      if (id) onCreated(id);
    });
  };

  return (
    <FormDialog
      title={t('rollout.programmes.create')}
      submitLabel={t('form.create')}
      busy={form.busy}
      problem={form.problem}
      fields={['code', 'name', 'provinceCode', ...rows.fields]}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      dividers
      testId="programme-form"
    >
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '200px 1fr' } }}>
        <TextField
          label={t('rollout.programmes.fields.code')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          required
          autoFocus
          {...fieldHelp({ hint: t('rollout.programmes.codeHint'), error: form.message('code') })}
          slotProps={{ htmlInput: { 'data-testid': 'programme-code', spellCheck: false } }}
        />
        <TextField
          label={t('rollout.programmes.fields.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          multiline
          {...fieldHelp({ hint: t('rollout.programmes.nameHint'), error: form.message('name'), max: LIMITS.name })}
          slotProps={{ htmlInput: { 'data-testid': 'programme-name' } }}
        />
      </Box>
      <ProgrammeProvinceField value={provinceCode} onChange={setProvinceCode} error={form.message('provinceCode')} testId="programme-province" />
      {rows.editors(form.message)}
    </FormDialog>
  );
}
