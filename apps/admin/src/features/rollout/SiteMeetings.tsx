import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ActionItemState, MeetingKind } from '../../graphql/generated';
import { formatDate } from '../../dates';

export interface SiteMeeting {
  id: string;
  title: string;
  kind: MeetingKind;
  heldOn: string;
  location?: string | null;
  decisions: readonly string[];
  actionItems: ReadonlyArray<{
    id: string;
    title: string;
    owner: string;
    dueOn: string;
    state: ActionItemState;
    overdue: boolean;
    site?: { id: string } | null;
  }>;
}

const STATE_COLOR: Record<ActionItemState, 'default' | 'info' | 'success'> = { OPEN: 'default', IN_PROGRESS: 'info', DONE: 'success', CANCELLED: 'default' };

/** Steering meetings that touched the site, newest first: kind, day, place, decisions, and the action items about this site. */
export function SiteMeetings({ siteId, meetings }: { siteId: string; meetings: readonly SiteMeeting[] }) {
  const { t } = useTranslation();
  if (meetings.length === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="meetings-empty">
        {t('rollout.site.meetings.empty')}
      </Typography>
    );
  }
  return (
    <Stack spacing={2} divider={<Divider flexItem />} data-testid="site-meetings">
      {meetings.map((m) => {
        const items = m.actionItems.filter((a) => !a.site || a.site.id === siteId);
        return (
          <Box key={m.id} data-testid={`meeting-${m.id}`}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5, mb: 0.5 }}>
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {formatDate(m.heldOn)}
              </Typography>
              <Chip size="small" variant="outlined" label={t(`rollout.labels.meetingKind.${m.kind}`)} />
              <Typography variant="body2" sx={{ fontWeight: 500 }}>
                {m.title}
              </Typography>
            </Stack>
            {m.location && (
              <Typography variant="caption" color="text.secondary" component="div">
                {t('rollout.site.meetings.location', { location: m.location })}
              </Typography>
            )}
            <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
              {t('rollout.site.meetings.decisions')}
            </Typography>
            {m.decisions.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {t('rollout.site.meetings.noDecisions')}
              </Typography>
            ) : (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {m.decisions.map((d, i) => (
                  <Typography component="li" variant="body2" key={i}>
                    {d}
                  </Typography>
                ))}
              </Box>
            )}
            {items.length > 0 && (
              <>
                <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
                  {t('rollout.site.meetings.actionItems')}
                </Typography>
                <Stack spacing={0.5}>
                  {items.map((a) => (
                    <Stack key={a.id} direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
                      <Chip size="small" color={STATE_COLOR[a.state]} label={t(`rollout.labels.actionItemState.${a.state}`)} />
                      {a.overdue && <Chip size="small" color="error" label={t('rollout.site.meetings.overdue')} />}
                      <Typography variant="body2">{a.title}</Typography>
                      <Typography variant="caption" color="text.secondary">
                        {t('rollout.site.meetings.owner', { owner: a.owner, date: formatDate(a.dueOn) })}
                      </Typography>
                    </Stack>
                  ))}
                </Stack>
              </>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
