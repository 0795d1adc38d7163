import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import EditIcon from '@mui/icons-material/EditOutlined';
import { FormDialog } from '../../components/FormDialog';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import { formatDate, formatDateTime } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import { CatalogueProcedureDocument, UpdateCatalogueProcedureDocument, type CatalogueProcedureDetailFragment } from '../../graphql/generated';
import { useFormState } from '../../hooks/useFormState';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { DetailList } from '../organisation/DetailList';
import { useCanKeepCatalogue } from './access';
import { copiesText, durationText, feeText, formatFee } from './format';
import { CATALOGUE_QUERIES, ProcedureFormDialog } from './ProcedureFormDialog';

/** The checklist as the applicant reads it: number, document, what to bring, and "nếu có" for the optional ones. */
export function ChecklistTable({ procedure }: { procedure: CatalogueProcedureDetailFragment }) {
  const { t } = useTranslation();
  if (procedure.components.length === 0) return <Typography color="text.secondary">{t('procedures.page.noComponents')}</Typography>;
  return (
    <TableContainer>
      <Table size="small" aria-label={t('procedures.checklist.label')} data-testid="procedure-checklist">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 56 }}>{t('procedures.checklist.number')}</TableCell>
            <TableCell>{t('procedures.checklist.name')}</TableCell>
            <TableCell sx={{ width: 200 }}>{t('procedures.checklist.originals')} / {t('procedures.checklist.copies')}</TableCell>
            <TableCell sx={{ width: 120 }}>{t('procedures.checklist.required')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {[...procedure.components]
            .sort((a, b) => a.position - b.position)
            .map((c, i) => (
              <TableRow key={c.id}>
                <TableCell>{i + 1}</TableCell>
                <TableCell>{c.name}</TableCell>
                <TableCell>{copiesText(t, c.originals, c.copies)}</TableCell>
                <TableCell>{c.required ? t('procedures.checklist.required') : <Chip size="small" variant="outlined" label={t('procedures.checklist.ifAny')} />}</TableCell>
              </TableRow>
            ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

/** Bãi bỏ / Áp dụng lại: the whole procedure sent back with `retired`, under its version. */
function RetireDialog({ procedure, onClose, onReload }: { procedure: CatalogueProcedureDetailFragment; onClose: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const retiring = procedure.retiredOn === null;
  const [update] = useMutation(UpdateCatalogueProcedureDocument, { refetchQueries: CATALOGUE_QUERIES });
  const { busy, problem, run } = useFormState(onClose);
  const onSubmit = () =>
    void run(() =>
      update({
        variables: {
          input: {
            id: procedure.id,
            version: procedure.version,
            retired: retiring,
            code: procedure.code,
            name: procedure.name,
            fieldId: procedure.field.id,
            level: procedure.level,
            agencyId: procedure.agency?.id ?? null,
            processingTime: procedure.processingTime,
            processingUnit: procedure.processingUnit,
            procedureFee: procedure.procedureFee,
            postalFee: procedure.postalFee,
            bcciMode: procedure.bcciMode,
            onlineLevel: procedure.onlineLevel,
            legalBasis: procedure.legalBasis,
            components: [...procedure.components].sort((a, b) => a.position - b.position).map((c) => ({ name: c.name, originals: c.originals, copies: c.copies, required: c.required })),
          },
        },
      }),
    );
  return (
    <FormDialog
      title={retiring ? t('procedures.page.retireTitle') : t('procedures.page.restoreTitle')}
      submitLabel={retiring ? t('procedures.page.retire') : t('procedures.page.restore')}
      tone={retiring ? 'error' : 'primary'}
      busy={busy}
      problem={problem}
      fields={[]}
      onSubmit={onSubmit}
      onClose={onClose}
      onReload={onReload}
      conflictMessage={t('procedures.page.conflict')}
      testId="procedure-retire"
    >
      <Typography>{t(retiring ? 'procedures.page.retireText' : 'procedures.page.restoreText', { name: procedure.name })}</Typography>
    </FormDialog>
  );
}

/** A procedure's page: its facts, the checklist, and for the province's administrators edit and retire/restore. */
export function ProcedurePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const canKeep = useCanKeepCatalogue();
  const [editing, setEditing] = useState(false);
  const [retiring, setRetiring] = useState(false);
  const { data, loading, error, refetch } = useQuery(CatalogueProcedureDocument, { variables: { id } });
  const procedure = data?.procedure ?? null;
  useDocumentTitle(procedure?.name ?? t('procedures.title'));
  const crumbs = <PageCrumbs label={t('procedures.title')} items={[{ label: t('procedures.title'), href: '/procedures' }, procedure && { label: procedure.code }]} />;

  if (!procedure) {
    return (
      <RecordPageFallback
        crumbs={crumbs}
        problem={apiProblem(error)}
        loading={loading}
        loadingLabel={t('procedures.page.loading')}
        skeleton={{ titleWidth: '60%', titleHeight: 48, blocks: [220, 160] }}
        notFound={{ title: t('procedures.page.notFound'), backHref: '/procedures', backLabel: t('procedures.page.back'), testId: 'procedure-not-found' }}
      />
    );
  }

  return (
    <Stack spacing={2.5} data-testid="procedure-page">
      <Box>
        {crumbs}
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <Typography variant="h2" component="h2" sx={{ flex: '1 1 400px' }}>
            {procedure.name}
          </Typography>
          {canKeep && (
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button variant="outlined" startIcon={<EditIcon />} onClick={() => setEditing(true)} data-testid="procedure-edit">
                {t('procedures.page.edit')}
              </Button>
              <Button variant="outlined" color={procedure.retiredOn ? 'primary' : 'error'} onClick={() => setRetiring(true)} data-testid="procedure-toggle-retired">
                {procedure.retiredOn ? t('procedures.page.restore') : t('procedures.page.retire')}
              </Button>
            </Box>
          )}
        </Box>
        <Box sx={{ display: 'flex', gap: 1, mt: 1, flexWrap: 'wrap' }}>
          {procedure.retiredOn ? (
            <Chip label={t('procedures.status.retired', { day: formatDate(procedure.retiredOn) })} />
          ) : (
            <Chip color="success" variant="outlined" label={t('procedures.status.active')} />
          )}
          <Chip variant="outlined" label={t(`procedures.bcciModes.${procedure.bcciMode}`)} />
        </Box>
      </Box>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <DetailList
          items={[
            { label: t('procedures.fields.code'), value: procedure.code },
            { label: t('procedures.fields.field'), value: procedure.field.name },
            { label: t('procedures.fields.level'), value: t(`procedures.levels.${procedure.level}`) },
            { label: t('procedures.fields.agency'), value: procedure.agency?.name ?? '—' },
            { label: t('procedures.fields.processingTime'), value: durationText(t, procedure.processingTime, procedure.processingUnit) },
            { label: t('procedures.fields.procedureFee'), value: feeText(t, procedure.procedureFee) },
            { label: t('procedures.fields.postalFee'), value: formatFee(procedure.postalFee) },
            { label: t('procedures.fields.bcciMode'), value: `${t(`procedures.bcciModes.${procedure.bcciMode}`)}: ${t(`procedures.bcciModeHelp.${procedure.bcciMode}`)}` },
            { label: t('procedures.fields.onlineLevel'), value: t(`procedures.onlineLevels.${procedure.onlineLevel}`) },
            { label: t('procedures.fields.legalBasis'), value: procedure.legalBasis || '—' },
            { label: t('procedures.fields.updatedAt'), value: formatDateTime(procedure.updatedAt) },
          ]}
        />
      </Paper>
      <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 } }}>
        <Typography variant="h2" component="h3" sx={{ mb: 1.5, fontSize: '1.25rem' }}>
          {t('procedures.fields.components')}
        </Typography>
        <ChecklistTable procedure={procedure} />
      </Paper>
      {!canKeep && (
        <Typography variant="body2" color="text.secondary">
          {t('procedures.readOnly')}
        </Typography>
      )}
      {editing && <ProcedureFormDialog procedure={procedure} onClose={() => setEditing(false)} onReload={() => void refetch()} />}
      {retiring && <RetireDialog procedure={procedure} onClose={() => setRetiring(false)} onReload={() => void refetch()} />}
    </Stack>
  );
}
