import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import DriveFileRenameOutlineIcon from '@mui/icons-material/DriveFileRenameOutline';
import MoveUpIcon from '@mui/icons-material/MoveUp';
import BlockIcon from '@mui/icons-material/Block';
import HistoryIcon from '@mui/icons-material/History';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import type { ApiProblem } from '../../graphql/errors';
import { StatusChip } from './StatusChip';
import { useCanEditOrganisation, useCanReadAudit } from '../auth/permissions';

export type RecordAction = 'rename' | 'move' | 'retire';

interface DetailPageProps {
  /** The list this record belongs to. */
  section: { label: string; href: string };
  loading: boolean;
  problem: ApiProblem | null;
  /** null: no such record. */
  record: { name: string; retiredOn?: string | null } | null | undefined;
  onAction: (action: RecordAction) => void;
  /** The record's audit trail ("Lịch sử thay đổi"), linked for those who may read it. */
  historyHref?: string;
  children?: ReactNode;
  testId?: string;
}

/** The frame of a record's page: breadcrumbs, name, status, the rename/move/retire actions. */
export function DetailPage({ section, loading, problem, record, onAction, historyHref, children, testId }: DetailPageProps) {
  const { t } = useTranslation();
  const canEdit = useCanEditOrganisation();
  const canReadAudit = useCanReadAudit();
  const showHistory = Boolean(historyHref) && canReadAudit;
  const crumbs = <PageCrumbs label={t('organisation.breadcrumbs')} items={[{ label: section.label, href: section.href }, record && { label: record.name }]} />;

  if (problem || !record) {
    return (
      <RecordPageFallback
        crumbs={crumbs}
        problem={problem}
        problemAlert={
          problem && (
            <Alert severity="error" role="alert">
              {problem.code === 'NETWORK' ? t('errors.network') : problem.message}
            </Alert>
          )
        }
        loading={loading}
        skeleton={{ titleWidth: '40%', titleHeight: 40, blocks: [240] }}
        notFound={{ title: t('organisation.notFound'), backHref: section.href, backLabel: t('organisation.backTo', { section: section.label }), testId: 'record-not-found' }}
      />
    );
  }

  const retired = Boolean(record.retiredOn);
  return (
    <Box data-testid={testId}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 2, mb: 1 }}>
        <Box sx={{ minWidth: 0, '& > nav': { mb: 0 } }}>{crumbs}</Box>
        {showHistory && (
          <Button component={RouterLink} to={historyHref ?? ''} size="small" startIcon={<HistoryIcon />} sx={{ flexShrink: 0 }} data-testid="action-history">
            {t('organisation.actions.history')}
          </Button>
        )}
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
        <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexGrow: 1, minWidth: 0 }}>
          <Typography variant="h2" component="h2" data-testid="record-name" sx={{ overflowWrap: 'anywhere' }}>
            {record.name}
          </Typography>
          <StatusChip retiredOn={record.retiredOn} />
        </Stack>
        {canEdit && (
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <Button
              variant="outlined"
              startIcon={<DriveFileRenameOutlineIcon />}
              disabled={retired}
              onClick={() => onAction('rename')}
              data-testid="action-rename"
            >
              {t('organisation.actions.rename')}
            </Button>
            <Button variant="outlined" startIcon={<MoveUpIcon />} disabled={retired} onClick={() => onAction('move')} data-testid="action-move">
              {t('organisation.actions.move')}
            </Button>
            <Button
              variant="outlined"
              color="error"
              startIcon={<BlockIcon />}
              disabled={retired}
              onClick={() => onAction('retire')}
              data-testid="action-retire"
            >
              {t('organisation.actions.retire')}
            </Button>
          </Stack>
        )}
      </Stack>
      {children}
    </Box>
  );
}

/** A titled block of a record's page. */
export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: { xs: 2, md: 3 }, mb: 2 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 500, mb: 2 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}
