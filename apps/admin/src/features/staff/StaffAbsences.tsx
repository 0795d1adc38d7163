import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import { chooseSlotProps } from '../../components/choose';
import { DateField, dayProblem } from '../../components/DateField';
import { fieldHelp } from '../../components/FieldHelp';
import { FormDialog } from '../../components/FormDialog';
import { NoteField } from '../../components/NoteField';
import { formatDate, isIsoDate, todayIso } from '../../dates';
import { AddAbsenceDocument, type AbsenceKind, type StaffAbsenceFragment, type StaffShiftFragment } from '../../graphql/generated';
import { useFormState } from '../../hooks/useFormState';
import { Section } from '../handover/Section';
import { ABSENCE_KINDS } from './enums';
import { endProblem } from './StaffDialogs';
import { useShiftText } from './shiftText';

/** The published shifts an absence collides with, by day and time and where: to cancel or hand over. */
export function CollidingShifts({ shifts }: { shifts: readonly StaffShiftFragment[] }) {
  const { when, where } = useShiftText();
  return (
    <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 2.5 }} data-testid="colliding-shifts">
      {shifts.map((s) => (
        <Typography component="li" variant="body2" key={s.id} data-testid="colliding-shift">
          <strong>{when(s)}</strong> · {where(s)}
        </Typography>
      ))}
    </Box>
  );
}

/** What the manager reads right after recording an absence: the shifts it collides with, or that there are none. */
export function AbsenceNotice({ absence, name, onClose }: { absence: StaffAbsenceFragment; name: string; onClose: () => void }) {
  const { t } = useTranslation();
  const count = absence.collidingShifts.length;
  const added = t('staff.absences.added', {
    kind: t(`staff.labels.absenceKind.${absence.kind}`).toLowerCase(),
    name,
    from: formatDate(absence.startsOn),
    to: formatDate(absence.endsOn),
  });
  if (count === 0) {
    return (
      <Alert severity="success" onClose={onClose} sx={{ mb: 2 }} data-testid="absence-notice">
        {added} {t('staff.absences.noCollision')}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" onClose={onClose} sx={{ mb: 2 }} role="alert" data-testid="absence-notice">
      <AlertTitle>{t('staff.absences.collisionsTitle', { count })}</AlertTitle>
      <Typography variant="body2">{added}</Typography>
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        {t('staff.absences.collisionsBody')}
      </Typography>
      <CollidingShifts shifts={absence.collidingShifts} />
    </Alert>
  );
}

/** Vắng mặt: the person's absences, latest first, each with the published shifts it collides with; record one. */
export function StaffAbsences({ staffId, name, absences, canManage }: { staffId: string; name: string; absences: readonly StaffAbsenceFragment[]; canManage: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<StaffAbsenceFragment | null>(null);
  return (
    <Section
      title={t('staff.page.sections.absences')}
      testId="staff-absences"
      action={
        canManage && (
          <Button variant="outlined" size="small" startIcon={<EventBusyIcon />} onClick={() => setAdding(true)} data-testid="add-absence">
            {t('staff.absences.add')}
          </Button>
        )
      }
    >
      {added && <AbsenceNotice absence={added} name={name} onClose={() => setAdded(null)} />}
      {absences.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {t('staff.absences.empty')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label={t('staff.page.sections.absences')}>
          {absences.map((a) => (
            // One absence per line: why and when, its note, and the published shifts it collides with (a list reads on a phone too).
            <Box component="li" key={a.id} data-testid="absence-row" sx={{ py: 1.25, borderBottom: 1, borderColor: 'divider', '&:first-of-type': { pt: 0 } }}>
              <Typography variant="body2">
                <Box component="span" sx={{ fontWeight: 500 }}>
                  {t(`staff.labels.absenceKind.${a.kind}`)}
                </Box>
                {' · '}
                {t('staff.absences.period', { from: formatDate(a.startsOn), to: formatDate(a.endsOn) })}
              </Typography>
              {a.note && (
                <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                  {a.note}
                </Typography>
              )}
              {a.collidingShifts.length > 0 && (
                <Box sx={{ color: 'warning.dark', mt: 0.5 }}>
                  <Typography variant="body2">{t('staff.absences.collidesWith', { count: a.collidingShifts.length })}</Typography>
                  <CollidingShifts shifts={a.collidingShifts} />
                </Box>
              )}
            </Box>
          ))}
        </Box>
      )}
      {adding && (
        <AbsenceDialog
          staffId={staffId}
          onClose={() => setAdding(false)}
          onAdded={(absence) => {
            setAdding(false);
            setAdded(absence);
          }}
        />
      )}
    </Section>
  );
}

/** Ghi nhận vắng mặt: why, from a day to a day, a note; the page then says which published shifts it collides with. */
export function AbsenceDialog({ staffId, onClose, onAdded }: { staffId: string; onClose: () => void; onAdded: (absence: StaffAbsenceFragment) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AbsenceKind | ''>('');
  // A day away to start with (the most common): today to today.
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [add] = useMutation(AddAbsenceDocument, { refetchQueries: ['StaffMember'] });
  const form = useFormState();
  const onSubmit = () => {
    const ok = form.check({
      kind: kind ? undefined : t('form.required'),
      startsOn: dayProblem(startsOn, true, t),
      endsOn: endProblem(startsOn, endsOn, true, t),
    });
    if (!ok || !kind) return;
    void form.run(async () => {
      const { data } = await add({ variables: { input: { staffId, kind, startsOn, endsOn, note: note.trim() || null } } });
      if (data) onAdded(data.addAbsence.absence);
    });
  };
  return (
    <FormDialog
      title={t('staff.absences.addTitle')}
      submitLabel={t('form.save')}
      busy={form.busy}
      problem={form.problem}
      fields={['staffId', 'kind', 'startsOn', 'endsOn', 'note']}
      onSubmit={onSubmit}
      onClose={onClose}
      testId="absence-form"
    >
      <TextField
        select
        label={t('staff.absences.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as AbsenceKind)}
        required
        {...fieldHelp({ error: form.message('kind') })}
        slotProps={chooseSlotProps<AbsenceKind>(t, (k) => t(`staff.labels.absenceKind.${k}`), { SelectDisplayProps: { 'data-testid': 'absence-kind' } })}
      >
        {ABSENCE_KINDS.map((k) => (
          <MenuItem key={k} value={k}>
            {t(`staff.labels.absenceKind.${k}`)}
          </MenuItem>
        ))}
      </TextField>
      <DateField label={t('staff.absences.startsOn')} value={startsOn} onChange={setStartsOn} required error={form.message('startsOn')} testId="absence-starts-on" />
      <DateField
        label={t('staff.absences.endsOn')}
        value={endsOn}
        onChange={setEndsOn}
        required
        error={form.message('endsOn')}
        minDate={isIsoDate(startsOn) ? startsOn : null}
        testId="absence-ends-on"
      />
      <NoteField label={t('staff.absences.note')} value={note} onChange={setNote} error={form.message('note')} testId="absence-note" />
    </FormDialog>
  );
}
