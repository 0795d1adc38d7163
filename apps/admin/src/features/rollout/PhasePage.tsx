import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Snackbar from '@mui/material/Snackbar';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import EditCalendarOutlinedIcon from '@mui/icons-material/EditCalendarOutlined';
import GroupAddOutlinedIcon from '@mui/icons-material/GroupAddOutlined';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import { formatDate, formatDateTime, todayIso } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import { RolloutPhaseChangeStatusDocument, RolloutPhaseDocument, RolloutPhaseExportDocument, type PhaseStatus, type RolloutPhaseDetailFragment } from '../../graphql/generated';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCanPlanRollout } from '../auth/permissions';
import { DetailList } from '../organisation/DetailList';
import { EnrolDialog } from './EnrolDialog';
import { PhaseStatusChip, phaseTitle } from './ProgrammeChips';
import { PhaseReplanDialog } from './PhasePlanDialogs';
import { ConfirmDialog } from './ProgrammeForms';
import { PhaseProgressChart, PhaseProgressTable } from './PhaseProgress';
import { PhaseSitesGrid } from './PhaseSitesGrid';
import { ProgrammeExportButton } from './ProgrammeExportButton';
import { ProgrammeHeading, ProgrammeSection, StatusChangeButton } from './ProgrammeSection';
import { programmeHref } from './ProgrammesPage';
import { useActorText } from '../administration/useAuditLabels';

const NEXT: Partial<Record<PhaseStatus, PhaseStatus>> = { PLANNED: 'IN_PROGRESS', IN_PROGRESS: 'CLOSED' };

export type PhaseDialog = 'replan' | 'status' | 'enrol' | null;

/** Một giai đoạn: its plan and history, progress per level, its sites, and the bulk enrolment of desks. */
export function PhasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useApolloClient();
  const canPlan = useCanPlanRollout();
  const [dialog, setDialog] = useState<PhaseDialog>(null);
  const [note, setNote] = useState<string | null>(null);
  const { data, loading, error } = useQuery(RolloutPhaseDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const phase = data?.rolloutPhase;
  const title = phase ? phaseTitle(phase, t) : null;
  useDocumentTitle(phase ? `${title} · ${phase.programme.code}` : t('rollout.programmes.title'));
  const problem = apiProblem(error);

  const crumbs = (
    <PageCrumbs
      label={t('organisation.breadcrumbs')}
      items={[
        { label: t('rollout.programmes.title'), href: '/rollout' },
        phase && { label: phase.programme.code, href: programmeHref(phase.programme.id) },
        phase && { label: t('rollout.phases.ordinalShort', { ordinal: phase.ordinal }) },
      ]}
    />
  );
  if (problem || !phase) {
    return (
      <RecordPageFallback
        crumbs={crumbs}
        problem={problem}
        loading={loading}
        skeleton={{ titleWidth: '40%', titleHeight: 44, blocks: [180, 320] }}
        notFound={{ title: t('rollout.phases.notFound'), backHref: '/rollout', backLabel: t('rollout.programmes.backToList'), testId: 'record-not-found' }}
      />
    );
  }

  const closed = phase.status === 'CLOSED';
  const programmeClosed = phase.programme.status === 'CLOSED';
  const next = NEXT[phase.status];
  const canEnrol = canPlan && !closed && !programmeClosed;

  return (
    <Box data-testid="phase-page">
      {crumbs}
      <ProgrammeHeading
        title={title}
        titleSx={{ mb: 0.5 }}
        testId="phase-name"
        actions={
          canPlan &&
          !programmeClosed && (
            <>
              {!closed && (
                <Button variant="outlined" startIcon={<EditCalendarOutlinedIcon />} onClick={() => setDialog('replan')} data-testid="phase-replan">
                  {t('rollout.phases.replan')}
                </Button>
              )}
              {next && <StatusChangeButton closing={next === 'CLOSED'} label={t(`rollout.phases.statusAction.${next}`)} onClick={() => setDialog('status')} testId="phase-status-change" />}
            </>
          )
        }
      >
        <PhaseStatusChip status={phase.status} />
        <Typography variant="body2" color="text.secondary">
          <Link component={RouterLink} to={programmeHref(phase.programme.id)} underline="hover" color="inherit">
            {phase.programme.name}
          </Link>
        </Typography>
      </ProgrammeHeading>

      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, alignItems: 'start', mb: 0 }}>
        <ProgrammeSection title={t('rollout.phases.sections.plan')} testId="phase-plan">
          <PhasePlanSummary phase={phase} />
        </ProgrammeSection>
        <ProgrammeSection title={t('rollout.phases.fields.goLiveGates')} subtitle={t('rollout.phases.gatesSubtitle')} testId="phase-gates">
          {phase.goLiveGates.length === 0 ? (
            <Typography color="text.secondary">{t('rollout.phases.noGates')}</Typography>
          ) : (
            <Box component="ol" sx={{ m: 0, pl: 3 }}>
              {phase.goLiveGates.map((g, i) => (
                <Typography component="li" variant="body2" key={i} sx={{ mb: 0.5 }}>
                  {g}
                </Typography>
              ))}
            </Box>
          )}
        </ProgrammeSection>
      </Box>

      <ProgrammeSection title={t('rollout.phases.sections.progress')} subtitle={t('rollout.programmes.sections.progressHint')} testId="phase-progress">
        <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', xl: 'minmax(0, 3fr) minmax(0, 2fr)' }, alignItems: 'center' }}>
          <PhaseProgressTable rows={phase.progress} />
          <PhaseProgressChart rows={phase.progress} />
        </Box>
      </ProgrammeSection>

      <ProgrammeSection
        title={t('rollout.phases.sites.title')}
        testId="phase-sites"
        actions={
          <>
            <ProgrammeExportButton
              testId="phase-export"
              fetchFile={async () => {
                const { data: file } = await client.query({ query: RolloutPhaseExportDocument, variables: { phaseId: phase.id }, fetchPolicy: 'network-only' });
                return file?.exportPhaseSites;
              }}
            />
            {canEnrol && (
              <Button variant="contained" size="small" startIcon={<GroupAddOutlinedIcon />} onClick={() => setDialog('enrol')} data-testid="phase-enrol">
                {t('rollout.enrol.open')}
              </Button>
            )}
          </>
        }
      >
        <PhaseSitesGrid phaseId={phase.id} />
      </ProgrammeSection>

      <ProgrammeSection title={t('rollout.phases.sections.history')} subtitle={t('rollout.phases.historySubtitle')} testId="phase-history">
        <PlanHistory phase={phase} />
      </ProgrammeSection>

      {dialog === 'enrol' && (
        <EnrolDialog
          phase={phase}
          programme={phase.programme}
          onClose={() => setDialog(null)}
          onEnrolled={(count) => {
            setDialog(null);
            setNote(t('rollout.enrol.done', { count }));
          }}
        />
      )}
      {dialog === 'status' && next && <PhaseStatusDialog phase={phase} next={next} onClose={() => setDialog(null)} />}
      {dialog === 'replan' && <PhaseReplanDialog phase={phase} onClose={() => setDialog(null)} />}
      <Snackbar open={Boolean(note)} autoHideDuration={6000} onClose={() => setNote(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
        <Alert severity="success" variant="filled" onClose={() => setNote(null)} data-testid="phase-note">
          {note}
        </Alert>
      </Snackbar>
    </Box>
  );
}

function PhasePlanSummary({ phase }: { phase: RolloutPhaseDetailFragment }) {
  const { t } = useTranslation();
  const span = (from?: string | null, to?: string | null) => (from ? t('rollout.phases.span', { from: formatDate(from), to: to ? formatDate(to) : '…' }) : t('rollout.phases.notStarted'));
  return (
    <DetailList
      items={[
        { label: t('rollout.phases.fields.planned'), value: span(phase.plannedStart, phase.plannedEnd) },
        { label: t('rollout.phases.fields.actual'), value: span(phase.actualStart, phase.actualEnd) },
        { label: t('rollout.phases.fields.targets'), value: t('rollout.phases.targetsValue', phase.targets) },
        { label: t('rollout.phases.fields.revisions'), value: phase.planHistory.length ? t('rollout.phases.revisionCount', { count: phase.planHistory.length }) : t('rollout.phases.noRevisions') },
      ]}
    />
  );
}

function PhaseStatusDialog({ phase, next, onClose }: { phase: RolloutPhaseDetailFragment; next: PhaseStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const [change] = useMutation(RolloutPhaseChangeStatusDocument);
  const [on, setOn] = useState(todayIso());
  const waiting = phase.progress.find((r) => !r.level)?.preparing ?? 0;
  return (
    <ConfirmDialog
      title={t(`rollout.phases.statusAction.${next}`)}
      body={t(`rollout.phases.statusConfirm.${next}`, { name: phaseTitle(phase, t) })}
      warning={
        next === 'IN_PROGRESS' && phase.programme.status !== 'ACTIVE'
          ? t('rollout.phases.programmeNotActive')
          : next === 'CLOSED' && waiting > 0
            ? t('rollout.phases.waitingWarning', { count: waiting })
            : undefined
      }
      submitLabel={t(`rollout.phases.statusAction.${next}`)}
      day={{ label: t(next === 'IN_PROGRESS' ? 'rollout.phases.fields.actualStart' : 'rollout.phases.fields.actualEnd'), value: on, onChange: setOn }}
      onConfirm={() => change({ variables: { input: { id: phase.id, version: phase.version, status: next, on } } })}
      onClose={onClose}
      testId="phase-status-dialog"
    />
  );
}

function PlanHistory({ phase }: { phase: RolloutPhaseDetailFragment }) {
  const { t } = useTranslation();
  const actorText = useActorText();
  if (phase.planHistory.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="plan-history-empty">
        {t('rollout.phases.noRevisionsLong')}
      </Typography>
    );
  }
  // Newest first: the plan replaced last is the one people ask about.
  const revisions = [...phase.planHistory].reverse();
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('rollout.phases.sections.history')} data-testid="plan-history">
        <TableHead>
          <TableRow>
            <TableCell>{t('rollout.phases.history.revision')}</TableCell>
            <TableCell>{t('rollout.phases.fields.planned')}</TableCell>
            <TableCell>{t('rollout.phases.fields.targets')}</TableCell>
            <TableCell>{t('rollout.phases.fields.reason')}</TableCell>
            <TableCell>{t('rollout.phases.history.by')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {revisions.map((r) => (
            <TableRow key={r.id} data-testid="plan-revision">
              <TableCell>{r.revision}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t('rollout.phases.span', { from: formatDate(r.plannedStart), to: formatDate(r.plannedEnd) })}</TableCell>
              <TableCell sx={{ minWidth: 160 }}>{t('rollout.phases.targetsValue', r.targets)}</TableCell>
              <TableCell sx={{ minWidth: 220 }}>{r.reason}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {actorText(r.actorLabel)}
                <Typography variant="caption" color="text.secondary" component="div">
                  {formatDateTime(r.replacedAt)}
                </Typography>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
