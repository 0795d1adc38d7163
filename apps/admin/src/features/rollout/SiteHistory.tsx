import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import type { SiteStatus } from '../../graphql/generated';
import { formatDate, formatDateTime } from '../../dates';
import { SiteStatusChip } from './SiteStatusChip';
import { useActorText } from '../administration/useAuditLabels';

export interface SiteHistoryEntry {
  id: string;
  fromStatus?: SiteStatus | null;
  toStatus: SiteStatus;
  on: string;
  note?: string | null;
  actorLabel: string;
  recordedAt: string;
}

/** The site's enrolment and every move, newest first, as a timeline: day, from → to, who, note. */
export function SiteHistory({ history }: { history: readonly SiteHistoryEntry[] }) {
  const { t } = useTranslation();
  const actorText = useActorText();
  if (history.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary">
        {t('rollout.site.history.empty')}
      </Typography>
    );
  }
  const entries = [...history].reverse();
  return (
    <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} data-testid="site-history" aria-label={t('rollout.site.sections.history')}>
      {entries.map((entry, i) => (
        <Box component="li" key={entry.id} sx={{ display: 'flex', gap: 1.5 }} data-testid="site-history-entry">
          <Box sx={{ display: 'flex', flexDirection: 'column', alignItems: 'center', pt: 0.75 }} aria-hidden>
            <Box sx={{ width: 12, height: 12, borderRadius: '50%', bgcolor: i === 0 ? 'primary.main' : 'grey.400', flexShrink: 0 }} />
            {i < entries.length - 1 && <Box sx={{ width: 2, flexGrow: 1, bgcolor: 'divider', my: 0.5 }} />}
          </Box>
          <Box sx={{ pb: 2, minWidth: 0, flexGrow: 1 }}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 500, minWidth: 84 }}>
                {formatDate(entry.on)}
              </Typography>
              {entry.fromStatus ? (
                <>
                  <SiteStatusChip status={entry.fromStatus} />
                  <ArrowForwardIcon fontSize="small" color="action" aria-label={t('rollout.site.history.to')} />
                  <SiteStatusChip status={entry.toStatus} />
                </>
              ) : (
                <>
                  <Typography variant="body2">{t('rollout.site.history.enrolled')}</Typography>
                  <SiteStatusChip status={entry.toStatus} />
                </>
              )}
            </Stack>
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
              {t('rollout.site.history.by', { actor: actorText(entry.actorLabel), at: formatDateTime(entry.recordedAt) })}
            </Typography>
            {entry.note && (
              <Typography variant="body2" sx={{ mt: 0.5, whiteSpace: 'pre-line' }}>
                {entry.note}
              </Typography>
            )}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
