import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import type { OverviewActionItemsQuery } from '../../graphql/generated';
import type { ApiProblem } from '../../graphql/errors';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatDate } from '../../dates';
import { OverviewSection } from './OverviewSection';

type ActionItems = OverviewActionItemsQuery['actionItems'];

interface ActionItemsSectionProps {
  items: ActionItems | undefined;
  loading: boolean;
  problem: ApiProblem | null;
  onRetry: () => void;
}

/** The programme's open action items (OPEN, IN_PROGRESS) by due date; overdue ones stand out in red. */
export function ActionItemsSection({ items, loading, problem, onRetry }: ActionItemsSectionProps) {
  const { t } = useTranslation();
  const rows = items?.edges.map((e) => e.node) ?? [];
  return (
    <OverviewSection title={items ? `${t('overview.actionItems.title')} (${items.totalCount})` : t('overview.actionItems.title')} testId="action-items-section">
      {problem ? (
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <ProblemAlert problem={problem} />
          <Button size="small" onClick={onRetry}>
            {t('overview.retry')}
          </Button>
        </Stack>
      ) : loading && !items ? (
        <Box aria-busy="true" aria-label={t('overview.loading')}>
          <Skeleton height={32} />
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Box>
      ) : rows.length === 0 ? (
        <Typography color="text.secondary" data-testid="action-items-empty">
          {t('overview.actionItems.empty')}
        </Typography>
      ) : (
        <>
          <TableContainer>
            <Table size="small" aria-label={t('overview.actionItems.title')} data-testid="action-items-table">
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">{t('overview.actionItems.dueOn')}</TableCell>
                  <TableCell component="th" scope="col">{t('overview.actionItems.task')}</TableCell>
                  <TableCell component="th" scope="col">{t('overview.actionItems.owner')}</TableCell>
                  <TableCell component="th" scope="col">{t('overview.actionItems.site')}</TableCell>
                  <TableCell component="th" scope="col">{t('overview.actionItems.state')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((item) => (
                  <TableRow
                    key={item.id}
                    data-testid="action-item-row"
                    data-overdue={item.overdue ? 'true' : 'false'}
                    sx={item.overdue ? { bgcolor: (theme) => alpha(theme.palette.error.main, 0.06) } : undefined}
                  >
                    <TableCell sx={{ whiteSpace: 'nowrap', color: item.overdue ? 'error.main' : undefined, fontWeight: item.overdue ? 600 : undefined }}>
                      {formatDate(item.dueOn)}
                    </TableCell>
                    <TableCell component="th" scope="row" sx={{ minWidth: 200 }}>
                      <Typography variant="body2">{item.title}</Typography>
                      <Typography variant="caption" color="text.secondary">
                        {t('overview.actionItems.meeting', { title: item.meeting.title, date: formatDate(item.meeting.heldOn) })}
                      </Typography>
                    </TableCell>
                    <TableCell sx={{ minWidth: 120 }}>{item.owner}</TableCell>
                    <TableCell sx={{ minWidth: 140 }}>
                      {item.site ? (
                        <Link component={RouterLink} to={`/rollout/sites/${item.site.id}`} data-testid="action-item-site">
                          {item.site.oneStopDesk.name}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }}>
                        <Chip size="small" variant="outlined" label={t(`rollout.labels.actionItemState.${item.state}`)} />
                        {item.overdue && <Chip size="small" color="error" label={t('overview.actionItems.overdue')} data-testid="overdue-chip" />}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
          {items && items.totalCount > rows.length && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="action-items-shown-of">
              {t('overview.actionItems.shownOf', { shown: rows.length, total: items.totalCount })}
            </Typography>
          )}
        </>
      )}
    </OverviewSection>
  );
}
