import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import TextField from '@mui/material/TextField';
import { RolloutProgrammeUpdateDocument, type RolloutProgrammeDetailFragment } from '../../graphql/generated';
import { FormDialog } from '../../components/FormDialog';
import { useFormState } from '../../hooks/useFormState';
import { RowList } from './ProgrammeForms';
import { fold, useProgrammeRows } from './ProgrammeRows';
import { fieldHelp } from '../../components/FieldHelp';
import { LIMITS } from '../../limits';

type Programme = Pick<RolloutProgrammeDetailFragment, 'id' | 'version' | 'name' | 'legalBasis' | 'committee' | 'readinessItems'>;

/** Sửa thông tin đề án: name, legal basis and steering committee (the lists are replaced whole). */
export function ProgrammeEditDialog({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(programme.name);
  const rows = useProgrammeRows({
    legalBasis: programme.legalBasis.map(({ number, signedOn, issuer, title }) => ({ number, signedOn, issuer, title })),
    committee: programme.committee.map(({ fullName, position, committeeRole }) => ({ fullName, position, committeeRole })),
  });
  const [update] = useMutation(RolloutProgrammeUpdateDocument);
  const form = useFormState(onClose);
  const onSubmit = () => {
    const ok = form.check({ name: name.trim() ? undefined : t('form.required'), ...rows.problems() });
    if (!ok) return;
    void form.run(() =>
      update({ variables: { input: { id: programme.id, version: programme.version, name: name.trim(), ...rows.input() } } }),
    );
  };
  return (
    <FormDialog
      title={t('rollout.programmes.edit')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={['name', ...rows.fields]}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      dividers
      testId="programme-edit-form"
    >
      <TextField
        label={t('rollout.programmes.fields.name')}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        multiline
        {...fieldHelp({ error: form.message('name'), max: LIMITS.name })}
        slotProps={{ htmlInput: { 'data-testid': 'programme-edit-name' } }}
      />
      {rows.editors(form.message)}
    </FormDialog>
  );
}

interface ReadinessRow {
  /** Kept for items that exist (sites have ticked them); new items get one from their label. */
  key: string | null;
  label: string;
}

/** A lower_snake_case key from a label ("Đã ký thỏa thuận" → "da_ky_thoa_thuan"), unique among `taken`. */
export function readinessKey(label: string, taken: ReadonlySet<string>): string {
  let base = fold(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(base)) base = `item_${base}`;
  // 40 characters at most, with room for a "_2" … "_99" suffix.
  base = base.slice(0, 36).replace(/_+$/, '');
  let key = base;
  for (let n = 2; taken.has(key); n++) key = `${base}_${n}`;
  return key;
}

/** Danh mục sẵn sàng: the checklist every site completes before launch. */
export function ProgrammeReadinessDialog({ programme, onClose }: { programme: Programme; onClose: () => void }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<ReadinessRow[]>(programme.readinessItems.map((i) => ({ key: i.key, label: i.label })));
  const [update] = useMutation(RolloutProgrammeUpdateDocument);
  const form = useFormState(onClose);
  const onSubmit = () => {
    const checks: Record<string, string | undefined> = { readinessItems: rows.length === 0 ? t('rollout.programmes.readinessNeedsOne') : undefined };
    rows.forEach((r, i) => {
      if (!r.label.trim()) checks[`readinessItems.${i}.label`] = t('form.required');
    });
    if (!form.check(checks)) return;
    const taken = new Set(rows.map((r) => r.key).filter((k): k is string => Boolean(k)));
    const items = rows.map((r) => {
      if (r.key) return { key: r.key, label: r.label.trim() };
      const key = readinessKey(r.label, taken);
      taken.add(key);
      return { key, label: r.label.trim() };
    });
    void form.run(() => update({ variables: { input: { id: programme.id, version: programme.version, readinessItems: items } } }));
  };
  const fields = ['readinessItems', ...rows.flatMap((_r, i) => [`readinessItems.${i}.label`, `readinessItems.${i}.key`])];
  return (
    <FormDialog
      title={t('rollout.programmes.editReadiness')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={fields}
      onSubmit={onSubmit}
      onClose={onClose}
      fullScreenOnPhone
      dividers
      testId="readiness-form"
    >
      <Alert severity="info">{t('rollout.programmes.readinessHint')}</Alert>
      <RowList<ReadinessRow>
        title={t('rollout.programmes.readinessItems')}
        rows={rows}
        onChange={setRows}
        blank={() => ({ key: null, label: '' })}
        addLabel={t('rollout.programmes.addReadinessItem')}
        emptyText={t('rollout.programmes.noReadinessItems')}
        removeLabel={(i) => t('rollout.programmes.removeReadinessItem', { index: i + 1 })}
        error={form.message('readinessItems')}
        testId="readiness-items"
        renderRow={(row, i, patch) => (
          <TextField
            size="small"
            fullWidth
            label={t('rollout.programmes.readinessItemN', { index: i + 1 })}
            value={row.label}
            onChange={(e) => patch({ label: e.target.value })}
            required
            {...fieldHelp({ error: form.message(`readinessItems.${i}.label`) ?? form.message(`readinessItems.${i}.key`), max: LIMITS.short })}
            slotProps={{ htmlInput: { 'data-testid': `readiness-items-${i}` } }}
          />
        )}
      />
    </FormDialog>
  );
}
