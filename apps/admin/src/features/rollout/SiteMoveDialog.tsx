import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import { SiteMoveDocument, type SiteStatus } from '../../graphql/generated';
import { ConfirmBox } from '../../components/ConfirmBox';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { NoteField } from '../../components/NoteField';
import { todayIso } from '../../dates';
import { errorExtension } from '../../graphql/errors';
import { useFormState, type FieldErrors } from '../../hooks/useFormState';

/** Moves that end or pause something, worth a warning before. */
const WARNED: readonly SiteStatus[] = ['LAUNCHED', 'REVIEWED', 'SUSPENDED', 'WITHDRAWN'];

export interface SiteMoveDialogProps {
  site: {
    id: string;
    version: number;
    status: SiteStatus;
    statusSince: string;
    suspendedFrom?: SiteStatus | null;
    name: string;
    readiness: ReadonlyArray<{ key: string; label: string; done: boolean }>;
  };
  to: SiteStatus;
  onClose: () => void;
  /** Reloads the site after a CONFLICT. */
  onReload: () => void;
  /** The checklist items the API says are not done (ILLEGAL_TRANSITION on launching). */
  onUnmet: (keys: string[]) => void;
}

/** The label of the button that moves a site to `to` (resuming a suspended site says so). */
export function useMoveLabel() {
  const { t } = useTranslation();
  return (current: SiteStatus, to: SiteStatus, suspendedFrom?: SiteStatus | null) =>
    current === 'SUSPENDED' && to === suspendedFrom
      ? t('rollout.site.move.resume', { status: t(`rollout.labels.siteStatus.${to}`) })
      : t(`rollout.site.move.to.${to}`);
}

/** Chuyển trạng thái: the day (today by default, not in the future), a note, and a confirmation; sends the version read. */
export function SiteMoveDialog({ site, to, onClose, onReload, onUnmet }: SiteMoveDialogProps) {
  const { t } = useTranslation();
  const moveLabel = useMoveLabel();
  const [on, setOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [unmet, setUnmet] = useState<string[]>([]);
  const [move] = useMutation(SiteMoveDocument);
  const form = useFormState(onClose);
  const from = t(`rollout.labels.siteStatus.${site.status}`);
  const target = t(`rollout.labels.siteStatus.${to}`);

  const onSubmit = () => {
    const errors: FieldErrors = {};
    const day = dayProblem(on, true, t, { noFuture: true, min: site.statusSince });
    if (day) errors.on = day;
    if (!confirmed) errors.confirm = t('handover.form.confirmRequired');
    if (!form.check(errors)) return;
    setUnmet([]);
    void form.run(async () => {
      try {
        await move({ variables: { input: { id: site.id, version: site.version, to, on, note: note.trim() || null } } });
      } catch (error) {
        const keys = errorExtension<string[]>(error, 'unmetReadiness');
        if (Array.isArray(keys)) {
          setUnmet(keys);
          onUnmet(keys);
        }
        throw error;
      }
    });
  };

  const unmetLabels = unmet.map((key) => site.readiness.find((r) => r.key === key)?.label ?? key);
  return (
    <FormDialog
      title={t('rollout.site.move.title', { action: moveLabel(site.status, to, site.suspendedFrom) })}
      submitLabel={t('rollout.site.move.submit')}
      tone={to === 'WITHDRAWN' ? 'error' : 'primary'}
      busy={form.busy}
      problem={form.problem}
      fields={['on', 'note']}
      onReload={onReload}
      conflictMessage={t('rollout.site.conflict')}
      onSubmit={onSubmit}
      onClose={onClose}
      fullScreenOnPhone
      testId="site-move-form"
    >
      <Alert severity="info" icon={false} data-testid="site-move-summary">
        {t('rollout.site.move.summary', { site: site.name, from, to: target })}
      </Alert>
      {WARNED.includes(to) && <Alert severity="warning">{t(`rollout.site.move.warning.${to as 'LAUNCHED' | 'REVIEWED' | 'SUSPENDED' | 'WITHDRAWN'}`)}</Alert>}
      {unmetLabels.length > 0 && (
        <Alert severity="error" data-testid="site-move-unmet">
          {t('rollout.site.move.unmet')}
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {unmetLabels.map((label) => (
              <li key={label}>{label}</li>
            ))}
          </ul>
        </Alert>
      )}
      <DateField
        label={t('rollout.site.move.on')}
        value={on}
        onChange={setOn}
        required
        disableFuture
        minDate={site.statusSince}
        error={form.message('on')}
        helperText={t('rollout.site.move.onHint')}
        testId="site-move-on"
      />
      <NoteField label={t('rollout.site.move.note')} value={note} onChange={setNote} error={form.message('note')} testId="site-move-note" />
      <ConfirmBox
        checked={confirmed}
        onChange={setConfirmed}
        label={t('rollout.site.move.confirm', { site: site.name, to: target })}
        error={form.message('confirm')}
        testId="site-move-confirm"
      />
    </FormDialog>
  );
}
