import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { SiteUpdateDocument, type HandoverModel } from '../../graphql/generated';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { NoteField } from '../../components/NoteField';
import { useFormState, type FieldErrors } from '../../hooks/useFormState';
import { PostOfficePicker } from '../organisation/pickers';
import type { Option } from '../organisation/SearchAutocomplete';
import { HANDOVER_MODELS } from './enums';

export interface SiteEditDialogProps {
  site: {
    id: string;
    version: number;
    handoverModel: HandoverModel;
    plannedLaunch?: string | null;
    note?: string | null;
    postOffice?: { id: string; name: string; code: string } | null;
  };
  onClose: () => void;
  onReload: () => void;
}

/** Sửa đơn vị thí điểm (before launch): handover model, partner post office, planned launch, note. */
export function SiteEditDialog({ site, onClose, onReload }: SiteEditDialogProps) {
  const { t } = useTranslation();
  const [model, setModel] = useState<HandoverModel>(site.handoverModel);
  const [postOffice, setPostOffice] = useState<Option | null>(site.postOffice ? { id: site.postOffice.id, label: site.postOffice.name } : null);
  const [plannedLaunch, setPlannedLaunch] = useState(site.plannedLaunch ?? '');
  const [note, setNote] = useState(site.note ?? '');
  const [update] = useMutation(SiteUpdateDocument);
  const form = useFormState(onClose);

  const onSubmit = () => {
    const errors: FieldErrors = {};
    if (model === 'AT_POST_OFFICE' && !postOffice) errors.postOfficeId = t('rollout.site.edit.postOfficeRequired');
    const day = dayProblem(plannedLaunch, true, t);
    if (day) errors.plannedLaunch = day;
    if (!form.check(errors)) return;
    void form.run(() =>
      update({
        variables: {
          input: { id: site.id, version: site.version, handoverModel: model, postOfficeId: postOffice?.id ?? null, plannedLaunch, note: note.trim() || null },
        },
      }),
    );
  };

  return (
    <FormDialog
      title={t('rollout.site.edit.title')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={['handoverModel', 'postOfficeId', 'plannedLaunch', 'note']}
      onReload={onReload}
      conflictMessage={t('rollout.site.conflict')}
      onSubmit={onSubmit}
      onClose={onClose}
      fullScreenOnPhone
      testId="site-edit-form"
    >
      <FormControl error={Boolean(form.message('handoverModel'))}>
        <FormLabel id="site-edit-model">{t('rollout.site.fields.handoverModel')}</FormLabel>
        <RadioGroup aria-labelledby="site-edit-model" value={model} onChange={(e) => setModel(e.target.value as HandoverModel)}>
          {HANDOVER_MODELS.map((m) => (
            <FormControlLabel
              key={m}
              value={m}
              control={<Radio slotProps={{ input: { 'data-testid': `site-edit-model-${m}` } as object }} />}
              sx={{ alignItems: 'flex-start', my: 0.5, '& .MuiRadio-root': { pt: 0.5 } }}
              label={
                <>
                  <Typography variant="body1">{t(`rollout.labels.handoverModel.${m}`)}</Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t(`rollout.labels.handoverModelHint.${m}`)}
                  </Typography>
                </>
              }
            />
          ))}
        </RadioGroup>
        {form.message('handoverModel') && <FormHelperText>{form.message('handoverModel')}</FormHelperText>}
      </FormControl>
      <PostOfficePicker
        label={t('rollout.site.fields.postOffice')}
        value={postOffice}
        onChange={setPostOffice}
        required={model === 'AT_POST_OFFICE'}
        error={form.message('postOfficeId')}
        helperText={t('rollout.site.edit.postOfficeHint')}
        testId="site-edit-post-office"
      />
      <DateField
        label={t('rollout.site.fields.plannedLaunch')}
        value={plannedLaunch}
        onChange={setPlannedLaunch}
        required
        error={form.message('plannedLaunch')}
        testId="site-edit-planned-launch"
      />
      <NoteField label={t('rollout.site.fields.note')} value={note} onChange={setNote} error={form.message('note')} testId="site-edit-note" />
    </FormDialog>
  );
}
