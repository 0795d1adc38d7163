import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { differenceInCalendarDays } from 'date-fns';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import CheckBoxOutlinedIcon from '@mui/icons-material/CheckBoxOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import EventNoteIcon from '@mui/icons-material/EventNote';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import { formatDate, fromIsoDate, todayIso } from '../../dates';
import { apiProblem } from '../../graphql/errors';
import {
  RolloutProgrammeChangeStatusDocument,
  RolloutProgrammeDocument,
  RolloutProgrammeExportDocument,
  type ProgrammeStatus,
  type RolloutProgrammeDetailFragment,
} from '../../graphql/generated';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useCanPlanRollout } from '../auth/permissions';
import { SiteStatusChip } from './SiteStatusChip';
import { MeetingList, siteHref } from './MeetingList';
import { MeetingRecordDialog } from './MeetingRecordDialog';
import { PhaseAddDialog } from './PhasePlanDialogs';
import { PhaseProgressTable } from './PhaseProgress';
import { ProgrammeStatusChip, phaseTitle } from './ProgrammeChips';
import { ProgrammeEditDialog, ProgrammeReadinessDialog } from './ProgrammeEditDialogs';
import { ProgrammeExportButton } from './ProgrammeExportButton';
import { ConfirmDialog } from './ProgrammeForms';
import { ProgrammeHeading, ProgrammeSection, StatusChangeButton } from './ProgrammeSection';
import { programmeProvince } from './ProgrammesPage';
import { TimelineChart } from './TimelineChart';

export const phaseHref = (id: string) => `/rollout/phases/${id}`;

/** The next status of a programme and the words of its button. */
const NEXT: Partial<Record<ProgrammeStatus, ProgrammeStatus>> = { DRAFT: 'ACTIVE', ACTIVE: 'CLOSED' };

type Dialog = 'status' | 'edit' | 'readiness' | 'phase' | 'meeting' | null;

/** Một đề án: its plan (phases on a timeline), progress, late sites, meetings, legal basis, committee and checklist. */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const client = useApolloClient();
  const canPlan = useCanPlanRollout();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { data, loading, error } = useQuery(RolloutProgrammeDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const programme = data?.pilotProgramme;
  useDocumentTitle(programme ? programme.code : t('rollout.programmes.title'));
  const problem = apiProblem(error);

  const crumbs = <PageCrumbs label={t('organisation.breadcrumbs')} items={[{ label: t('rollout.programmes.title'), href: '/rollout' }, programme && { label: programme.code }]} />;
  if (problem || !programme) {
    return (
      <RecordPageFallback
        crumbs={crumbs}
        problem={problem}
        loading={loading}
        skeleton={{ titleWidth: '50%', titleHeight: 44, blocks: [200, 200] }}
        notFound={{ title: t('rollout.programmes.notFound'), backHref: '/rollout', backLabel: t('rollout.programmes.backToList'), testId: 'record-not-found' }}
      />
    );
  }

  const closed = programme.status === 'CLOSED';
  const writable = canPlan && !closed;
  const next = NEXT[programme.status];
  const total = programme.progress.find((r) => !r.level);
  const nextOrdinal = Math.max(0, ...programme.phases.map((p) => p.ordinal)) + 1;

  return (
    <Box data-testid="programme-page">
      {crumbs}
      <ProgrammeHeading
        title={programme.name}
        titleSx={{ overflowWrap: 'anywhere', mb: 1 }}
        testId="programme-name"
        actions={
          canPlan && (
            <>
              {!closed && (
                <Button variant="outlined" startIcon={<EditOutlinedIcon />} onClick={() => setDialog('edit')} data-testid="programme-edit">
                  {t('rollout.programmes.edit')}
                </Button>
              )}
              {next && <StatusChangeButton closing={next === 'CLOSED'} label={t(`rollout.programmes.statusAction.${next}`)} onClick={() => setDialog('status')} testId="programme-status-change" />}
            </>
          )
        }
      >
        <Chip size="small" label={programme.code} sx={{ fontFamily: 'monospace' }} />
        <ProgrammeStatusChip status={programme.status} />
        <Typography variant="body2" color="text.secondary">
          {programmeProvince(programme, t)}
        </Typography>
      </ProgrammeHeading>

      {total && <ProgrammeFigures phases={programme.phases.length} total={total} lateCount={programme.lateSites.length} />}

      <ProgrammeSection
        title={t('rollout.programmes.sections.phases')}
        subtitle={t('rollout.programmes.sections.phasesHint')}
        testId="programme-phases"
        actions={
          writable && (
            <Button variant="contained" size="small" startIcon={<AddIcon />} onClick={() => setDialog('phase')} data-testid="phase-add">
              {t('rollout.phases.add')}
            </Button>
          )
        }
      >
        <TimelineChart phases={programme.phases} phaseHref={phaseHref} />
      </ProgrammeSection>

      <ProgrammeSection
        title={t('rollout.programmes.sections.progress')}
        subtitle={t('rollout.programmes.sections.progressHint')}
        testId="programme-progress"
        actions={
          <ProgrammeExportButton
            testId="programme-export"
            fetchFile={async () => {
              const { data: file } = await client.query({ query: RolloutProgrammeExportDocument, variables: { programmeId: programme.id }, fetchPolicy: 'network-only' });
              return file?.exportRolloutProgress;
            }}
          />
        }
      >
        <PhaseProgressTable rows={programme.progress} />
      </ProgrammeSection>

      <ProgrammeSection title={t('rollout.programmes.sections.lateSites', { count: programme.lateSites.length })} testId="programme-late-sites">
        <LateSites sites={programme.lateSites} />
      </ProgrammeSection>

      <ProgrammeSection
        title={t('rollout.meetings.title')}
        testId="programme-meetings"
        actions={
          writable && (
            <Button variant="contained" size="small" startIcon={<EventNoteIcon />} onClick={() => setDialog('meeting')} data-testid="meeting-record">
              {t('rollout.meetings.record')}
            </Button>
          )
        }
      >
        <MeetingList meetings={programme.meetings} canEdit={canPlan} />
      </ProgrammeSection>

      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', xl: '3fr 2fr' }, alignItems: 'start' }}>
        <ProgrammeSection title={t('rollout.programmes.fields.legalBasis')} testId="programme-legal-basis">
          <LegalBasisTable programme={programme} />
        </ProgrammeSection>
        <ProgrammeSection title={t('rollout.programmes.fields.committee')} testId="programme-committee">
          <CommitteeTable programme={programme} />
        </ProgrammeSection>
      </Box>

      <ProgrammeSection
        title={t('rollout.programmes.readinessItems')}
        subtitle={t('rollout.programmes.readinessSubtitle')}
        testId="programme-readiness"
        actions={
          writable && (
            <Button variant="outlined" size="small" startIcon={<EditOutlinedIcon />} onClick={() => setDialog('readiness')} data-testid="readiness-edit">
              {t('rollout.programmes.editReadiness')}
            </Button>
          )
        }
      >
        {programme.readinessItems.length === 0 ? (
          <Typography color="text.secondary">{t('rollout.programmes.noReadinessItems')}</Typography>
        ) : (
          <List dense disablePadding>
            {programme.readinessItems.map((item, i) => (
              <ListItem key={item.key} disableGutters data-testid="readiness-item">
                <ListItemIcon sx={{ minWidth: 36 }}>
                  <CheckBoxOutlinedIcon fontSize="small" color="action" />
                </ListItemIcon>
                <ListItemText primary={`${i + 1}. ${item.label}`} />
              </ListItem>
            ))}
          </List>
        )}
      </ProgrammeSection>

      {dialog === 'status' && next && (
        <ProgrammeStatusDialog programme={programme} next={next} onClose={() => setDialog(null)} />
      )}
      {dialog === 'edit' && <ProgrammeEditDialog programme={programme} onClose={() => setDialog(null)} />}
      {dialog === 'readiness' && <ProgrammeReadinessDialog programme={programme} onClose={() => setDialog(null)} />}
      {dialog === 'phase' && <PhaseAddDialog programmeId={programme.id} nextOrdinal={nextOrdinal} onClose={() => setDialog(null)} />}
      {dialog === 'meeting' && <MeetingRecordDialog programmeId={programme.id} onClose={() => setDialog(null)} />}
    </Box>
  );
}

function ProgrammeStatusDialog({ programme, next, onClose }: { programme: RolloutProgrammeDetailFragment; next: ProgrammeStatus; onClose: () => void }) {
  const { t } = useTranslation();
  const [change] = useMutation(RolloutProgrammeChangeStatusDocument);
  const openPhases = programme.phases.filter((p) => p.status !== 'CLOSED').length;
  return (
    <ConfirmDialog
      title={t(`rollout.programmes.statusAction.${next}`)}
      body={t(`rollout.programmes.statusConfirm.${next}`, { name: programme.name })}
      warning={
        next === 'CLOSED' && openPhases > 0
          ? t('rollout.programmes.openPhasesWarning', { count: openPhases })
          : next === 'ACTIVE' && programme.legalBasis.length === 0
            ? t('rollout.programmes.noLegalBasisWarning')
            : undefined
      }
      submitLabel={t(`rollout.programmes.statusAction.${next}`)}
      onConfirm={() => change({ variables: { input: { id: programme.id, version: programme.version, status: next } } })}
      onClose={onClose}
      testId="programme-status-dialog"
    />
  );
}

/** Số giai đoạn, đơn vị đã đăng ký / khai trương / vận hành, trễ hạn. */
function ProgrammeFigures({ phases, total, lateCount }: { phases: number; total: RolloutProgrammeDetailFragment['progress'][number]; lateCount: number }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  const figures = [
    { key: 'phases' as const, value: phases },
    { key: 'target' as const, value: total.target },
    { key: 'enrolled' as const, value: total.enrolled },
    { key: 'launched' as const, value: total.launched },
    { key: 'operating' as const, value: total.operating },
    { key: 'late' as const, value: lateCount },
  ];
  return (
    <Box sx={{ display: 'grid', gap: 1.5, mb: 2, gridTemplateColumns: { xs: 'repeat(2, 1fr)', sm: 'repeat(3, 1fr)', lg: 'repeat(6, 1fr)' } }} data-testid="programme-figures">
      {figures.map((f) => (
        <Paper key={f.key} variant="outlined" sx={{ px: 2, py: 1.5 }}>
          <Typography variant="h2" component="p" sx={{ color: f.key === 'late' && f.value > 0 ? 'error.main' : undefined }} data-testid={`figure-${f.key}`}>
            {number.format(f.value)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t(`rollout.programmes.figures.${f.key}`)}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}

function LateSites({ sites }: { sites: RolloutProgrammeDetailFragment['lateSites'] }) {
  const { t, i18n } = useTranslation();
  const today = fromIsoDate(todayIso()) ?? new Date();
  if (sites.length === 0) {
    return (
      <Typography color="text.secondary" data-testid="late-sites-empty">
        {t('rollout.programmes.noLateSites')}
      </Typography>
    );
  }
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('rollout.programmes.sections.lateSites', { count: sites.length })} data-testid="late-sites" sx={{ '& th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell>{t('rollout.phases.sites.desk')}</TableCell>
            <TableCell>{t('rollout.phases.sites.level')}</TableCell>
            <TableCell>{t('rollout.phases.sites.phase')}</TableCell>
            <TableCell>{t('rollout.phases.sites.plannedLaunch')}</TableCell>
            <TableCell align="right">{t('rollout.programmes.daysLate')}</TableCell>
            <TableCell>{t('rollout.phases.sites.status')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sites.map((site) => {
            const planned = fromIsoDate(site.plannedLaunch);
            return (
              <TableRow key={site.id} data-testid="late-site">
                <TableCell sx={{ minWidth: 200 }}>
                  <Link component={RouterLink} to={siteHref(site.id)} underline="hover" sx={{ fontWeight: 500 }}>
                    {site.oneStopDesk.name}
                  </Link>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`levels.${site.level}`)}</TableCell>
                <TableCell sx={{ minWidth: 160 }}>
                  <Link component={RouterLink} to={phaseHref(site.phase.id)} underline="hover">
                    {phaseTitle(site.phase, t)}
                  </Link>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(site.plannedLaunch)}</TableCell>
                <TableCell align="right" sx={{ color: 'error.main', fontWeight: 500 }}>
                  {planned ? new Intl.NumberFormat(i18n.resolvedLanguage).format(differenceInCalendarDays(today, planned)) : '—'}
                </TableCell>
                <TableCell>
                  <SiteStatusChip status={site.status} late={site.late} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function LegalBasisTable({ programme }: { programme: RolloutProgrammeDetailFragment }) {
  const { t } = useTranslation();
  if (programme.legalBasis.length === 0) {
    return (
      <Alert severity="warning" data-testid="legal-basis-empty">
        {t('rollout.programmes.noDocuments')}
      </Alert>
    );
  }
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('rollout.programmes.fields.legalBasis')} data-testid="legal-basis-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('rollout.programmes.fields.number')}</TableCell>
            <TableCell>{t('rollout.programmes.fields.signedOn')}</TableCell>
            <TableCell>{t('rollout.programmes.fields.issuer')}</TableCell>
            <TableCell>{t('rollout.programmes.fields.title')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {programme.legalBasis.map((d, i) => (
            <TableRow key={i}>
              <TableCell sx={{ whiteSpace: 'nowrap', fontWeight: 500 }}>{d.number}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDate(d.signedOn)}</TableCell>
              <TableCell sx={{ minWidth: 140 }}>{d.issuer}</TableCell>
              <TableCell sx={{ minWidth: 220 }}>{d.title}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

function CommitteeTable({ programme }: { programme: RolloutProgrammeDetailFragment }) {
  const { t } = useTranslation();
  if (programme.committee.length === 0) {
    return <Typography color="text.secondary">{t('rollout.programmes.noMembers')}</Typography>;
  }
  return (
    <TableContainer sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={t('rollout.programmes.fields.committee')} data-testid="committee-table">
        <TableHead>
          <TableRow>
            <TableCell>{t('rollout.programmes.fields.fullName')}</TableCell>
            <TableCell>{t('rollout.programmes.fields.position')}</TableCell>
            <TableCell>{t('rollout.programmes.fields.committeeRole')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {programme.committee.map((m, i) => (
            <TableRow key={i}>
              <TableCell sx={{ fontWeight: 500 }}>{m.fullName}</TableCell>
              <TableCell>{m.position}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{t(`rollout.labels.committeeRole.${m.committeeRole}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
