import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormDialog } from '../../components/FormDialog';
import { fieldHelp } from '../../components/FieldHelp';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../dates';
import { useFormState } from '../../hooks/useFormState';
import { apiProblem } from '../../graphql/errors';
import { CreateProcedureFieldDocument, ProcedureFieldsAdminDocument, UpdateProcedureFieldDocument, type ProcedureFieldRowFragment } from '../../graphql/generated';
import { LIMITS } from '../../limits';

const CODE = /^[A-Z0-9_]{2,32}$/;
const REFETCH = ['ProcedureFieldsAdmin'];

/** Thêm lĩnh vực: code and name; the API's field errors (a code already used) show under the fields. */
function ProcedureFieldCreateDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [create] = useMutation(CreateProcedureFieldDocument, { refetchQueries: REFETCH });
  const { busy, problem, run, check, message } = useFormState(onClose);
  const onSubmit = () => {
    const trimmed = code.trim();
    const ok = check({
      code: !trimmed ? t('form.required') : !CODE.test(trimmed) && t('administration.procedureFields.codeInvalid'),
      name: !name.trim() && t('form.required'),
    });
    if (ok) void run(() => create({ variables: { input: { code: trimmed, name: name.trim() } } }));
  };
  return (
    <FormDialog open title={t('administration.procedureFields.create')} submitLabel={t('form.create')} busy={busy} problem={problem} fields={['code', 'name']} onSubmit={onSubmit} onClose={onClose} testId="procedure-field-form">
      <TextField
        label={t('administration.procedureFields.fields.code')}
        value={code}
        onChange={(e) => setCode(e.target.value.toUpperCase())}
        required
        autoFocus
        autoComplete="off"
        {...fieldHelp({ hint: t('administration.procedureFields.codeHint'), error: message('code') })}
        slotProps={{ htmlInput: { 'data-testid': 'procedure-field-code', spellCheck: false, maxLength: 32 } }}
      />
      <TextField
        label={t('administration.procedureFields.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoComplete="off"
        {...fieldHelp({ error: message('name'), max: LIMITS.name })}
        slotProps={{ htmlInput: { 'data-testid': 'procedure-field-name' } }}
      />
    </FormDialog>
  );
}

/** Đổi tên: the name only (the code is stable). */
function ProcedureFieldRenameDialog({ field, onClose }: { field: ProcedureFieldRowFragment; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(field.name);
  const [update] = useMutation(UpdateProcedureFieldDocument);
  const { busy, problem, run, check, message } = useFormState(onClose);
  const onSubmit = () => {
    if (check({ name: !name.trim() && t('form.required') })) void run(() => update({ variables: { input: { id: field.id, name: name.trim() } } }));
  };
  return (
    <FormDialog open title={t('administration.procedureFields.renameTitle')} submitLabel={t('form.save')} busy={busy} problem={problem} fields={['name']} onSubmit={onSubmit} onClose={onClose} testId="procedure-field-rename">
      <TextField
        label={t('administration.procedureFields.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        autoFocus
        autoComplete="off"
        {...fieldHelp({ hint: t('administration.procedureFields.fields.code') + ': ' + field.code, error: message('name'), max: LIMITS.name })}
        slotProps={{ htmlInput: { 'data-testid': 'procedure-field-rename-name' } }}
      />
    </FormDialog>
  );
}

/** Quản trị → Lĩnh vực thủ tục: the national list (national administrators only), with retired ones on demand. */
export function ProcedureFieldsPage() {
  const { t } = useTranslation();
  const [includeRetired, setIncludeRetired] = useState(false);
  const [creating, setCreating] = useState(false);
  const [renaming, setRenaming] = useState<ProcedureFieldRowFragment | null>(null);
  const { data, previousData, error } = useQuery(ProcedureFieldsAdminDocument, { variables: { includeRetired } });
  const [update] = useMutation(UpdateProcedureFieldDocument, { refetchQueries: REFETCH });
  const [toggleProblem, setToggleProblem] = useState<ReturnType<typeof apiProblem> | null>(null);
  const fields = (data ?? previousData)?.procedureFields ?? [];
  const toggle = async (field: ProcedureFieldRowFragment) => {
    setToggleProblem(null);
    try {
      await update({ variables: { input: { id: field.id, retired: field.retiredOn === null } } });
    } catch (e) {
      setToggleProblem(apiProblem(e));
    }
  };
  return (
    <Stack spacing={2} data-testid="procedure-fields-page">
      <Typography color="text.secondary">{t('administration.procedureFields.intro')}</Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Button variant="contained" onClick={() => setCreating(true)} data-testid="procedure-field-create">
          {t('administration.procedureFields.create')}
        </Button>
        <FormControlLabel
          control={<Switch checked={includeRetired} onChange={(e) => setIncludeRetired(e.target.checked)} slotProps={{ input: { 'data-testid': 'procedure-fields-show-retired' } as object }} />}
          label={t('administration.procedureFields.showRetired')}
        />
      </Box>
      {error && <ProblemAlert problem={apiProblem(error)} />}
      <ProblemAlert problem={toggleProblem} />
      {fields.length === 0 && !error && data ? (
        <Alert severity="info">{t('administration.procedureFields.empty')}</Alert>
      ) : (
        <TableContainer>
          <Table size="small" aria-label={t('administration.sections.procedureFields')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('administration.procedureFields.columns.name')}</TableCell>
                <TableCell>{t('administration.procedureFields.columns.code')}</TableCell>
                <TableCell>{t('administration.procedureFields.columns.status')}</TableCell>
                <TableCell align="right">{t('administration.procedureFields.columns.actions')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {fields.map((f) => (
                <TableRow key={f.id} data-testid={`procedure-field-${f.code}`}>
                  <TableCell>{f.name}</TableCell>
                  <TableCell>
                    <code>{f.code}</code>
                  </TableCell>
                  <TableCell>
                    {f.retiredOn ? (
                      <Chip size="small" label={t('administration.procedureFields.status.retired', { day: formatDate(f.retiredOn) })} />
                    ) : (
                      <Chip size="small" color="success" variant="outlined" label={t('administration.procedureFields.status.active')} />
                    )}
                  </TableCell>
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Button size="small" onClick={() => setRenaming(f)} data-testid={`procedure-field-rename-${f.code}`}>
                      {t('administration.procedureFields.rename')}
                    </Button>
                    <Button size="small" color={f.retiredOn ? 'primary' : 'error'} onClick={() => void toggle(f)} data-testid={`procedure-field-toggle-${f.code}`}>
                      {f.retiredOn ? t('administration.procedureFields.restore') : t('administration.procedureFields.retire')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {creating && <ProcedureFieldCreateDialog onClose={() => setCreating(false)} />}
      {renaming && <ProcedureFieldRenameDialog field={renaming} onClose={() => setRenaming(null)} />}
    </Stack>
  );
}
