import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import {
  HandoverCreatePersonnelDocument,
  HandoverUpdatePersonnelDocument,
  type HandoverPersonnelFieldsFragment,
  type HandoverTask,
  type PersonRefInput,
} from '../../graphql/generated';
import { DateField, dayProblem } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { NoteField } from '../../components/NoteField';
import { rowPaths, useFormState, type FieldErrors } from '../../hooks/useFormState';
import { HANDOVER_TASKS } from '../rollout/enums';
import { RowsEditor, checkRows, type RowColumn } from './HandoverForm';

type PersonKey = 'fullName' | 'position' | 'employer';
type PersonRow = Record<PersonKey, string>;
const PERSON_KEYS: readonly PersonKey[] = ['fullName', 'position', 'employer'];

const toRow = (p: { fullName: string; position?: string | null; employer: string }): PersonRow => ({
  fullName: p.fullName,
  position: p.position ?? '',
  employer: p.employer,
});
const toInput = (row: PersonRow): PersonRefInput => ({ fullName: row.fullName.trim(), position: row.position.trim() || null, employer: row.employer.trim() });

export interface PersonnelHandoverDialogProps {
  siteId: string;
  /** The draft to change; without it, a new draft. */
  handover?: HandoverPersonnelFieldsFragment;
  /** Employers to suggest in new rows: the desk's agency (relieved) and the partner post office (deployed). */
  defaults?: { relievedEmployer?: string; deployedEmployer?: string };
  onClose: () => void;
  /** Reloads the site after a CONFLICT. */
  onReload: () => void;
}

/**
 * Chuyển giao nhân lực (draft): the tasks that pass to the post office, the civil servants relieved and
 * the postal staff deployed, the planned effective date. The API's errors land under each row's field
 * (`relieved.0.fullName`, `deployed.1.employer`).
 */
export function PersonnelHandoverDialog({ siteId, handover, defaults = {}, onClose, onReload }: PersonnelHandoverDialogProps) {
  const { t } = useTranslation();
  const blank = (employer = ''): PersonRow => ({ fullName: '', position: '', employer });
  const [tasks, setTasks] = useState<HandoverTask[]>(handover?.tasks ?? []);
  const [relieved, setRelieved] = useState<PersonRow[]>(handover ? handover.relieved.map(toRow) : [blank(defaults.relievedEmployer)]);
  const [deployed, setDeployed] = useState<PersonRow[]>(handover ? handover.deployed.map(toRow) : [blank(defaults.deployedEmployer)]);
  const [effectiveOn, setEffectiveOn] = useState(handover?.effectiveOn ?? '');
  const [note, setNote] = useState(handover?.note ?? '');
  const [create] = useMutation(HandoverCreatePersonnelDocument, { refetchQueries: ['SitePilotSite'] });
  const [update] = useMutation(HandoverUpdatePersonnelDocument, { refetchQueries: ['SitePilotSite'] });
  const form = useFormState(onClose);

  const columns: RowColumn<PersonKey>[] = [
    { key: 'fullName', label: t('handover.fields.fullName'), required: true, grow: 3 },
    { key: 'position', label: t('handover.fields.position'), grow: 2 },
    { key: 'employer', label: t('handover.fields.employer'), required: true, grow: 3 },
  ];
  const fields = ['tasks', 'effectiveOn', 'note', ...rowPaths('relieved', relieved.length, PERSON_KEYS), ...rowPaths('deployed', deployed.length, PERSON_KEYS)];

  const toggle = (task: HandoverTask, on: boolean) =>
    setTasks((list) => (on ? HANDOVER_TASKS.filter((x) => x === task || list.includes(x)) : list.filter((x) => x !== task)));

  const onSubmit = () => {
    const errors: FieldErrors = {
      ...(tasks.length === 0 ? { tasks: t('handover.personnel.tasksRequired') } : {}),
      ...checkRows('relieved', relieved, ['fullName', 'employer'], t('form.required')),
      ...checkRows('deployed', deployed, ['fullName', 'employer'], t('form.required')),
    };
    const day = dayProblem(effectiveOn, false, t);
    if (day) errors.effectiveOn = day;
    if (!form.check(errors)) return;
    const values = {
      tasks,
      relieved: relieved.map(toInput),
      deployed: deployed.map(toInput),
      effectiveOn: effectiveOn || null,
      note: note.trim() || null,
    };
    void form.run(() =>
      handover
        ? update({ variables: { input: { id: handover.id, version: handover.version, ...values } } })
        : create({ variables: { input: { siteId, ...values } } }),
    );
  };

  return (
    <FormDialog
      title={handover ? t('handover.personnel.editTitle') : t('handover.personnel.createTitle')}
      submitLabel={handover ? t('form.save') : t('handover.personnel.createSubmit')}
      busy={form.busy}
      problem={form.problem}
      fields={fields}
      onReload={onReload}
      onSubmit={onSubmit}
      onClose={onClose}
      maxWidth="md"
      testId="personnel-form"
    >
      <FormControl component="fieldset" error={Boolean(form.message('tasks'))} required>
        <FormLabel component="legend">{t('handover.fields.tasks')}</FormLabel>
        <FormGroup row data-testid="personnel-tasks">
          {HANDOVER_TASKS.map((task) => (
            <FormControlLabel
              key={task}
              control={
                <Checkbox
                  checked={tasks.includes(task)}
                  onChange={(e) => toggle(task, e.target.checked)}
                  slotProps={{ input: { 'data-testid': `personnel-task-${task}` } as object }}
                />
              }
              label={t(`rollout.labels.handoverTask.${task}`)}
            />
          ))}
        </FormGroup>
        <FormHelperText>{form.message('tasks') ?? t('handover.personnel.tasksHint')}</FormHelperText>
      </FormControl>
      <RowsEditor
        path="relieved"
        title={t('handover.fields.relieved')}
        columns={columns}
        rows={relieved}
        onChange={setRelieved}
        message={form.message}
        addLabel={t('handover.personnel.addRelieved')}
        removeLabel={t('handover.form.removeRow')}
        emptyText={t('handover.personnel.noRelievedYet')}
        newRow={() => blank(defaults.relievedEmployer)}
        testId="relieved"
      />
      <RowsEditor
        path="deployed"
        title={t('handover.fields.deployed')}
        columns={columns}
        rows={deployed}
        onChange={setDeployed}
        message={form.message}
        addLabel={t('handover.personnel.addDeployed')}
        removeLabel={t('handover.form.removeRow')}
        emptyText={t('handover.personnel.noDeployedYet')}
        newRow={() => blank(defaults.deployedEmployer)}
        testId="deployed"
      />
      <DateField
        label={t('handover.fields.plannedEffectiveOn')}
        value={effectiveOn}
        onChange={setEffectiveOn}
        error={form.message('effectiveOn')}
        helperText={t('handover.personnel.effectiveHint')}
        testId="personnel-effective-on"
      />
      <NoteField label={t('handover.fields.note')} value={note} onChange={setNote} error={form.message('note')} testId="personnel-note" />
    </FormDialog>
  );
}
