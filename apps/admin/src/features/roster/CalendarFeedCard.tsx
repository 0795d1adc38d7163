import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import EventAvailable from '@mui/icons-material/EventAvailable';
import { IssueCalendarFeedDocument, RevokeCalendarFeedDocument } from '../../graphql/generated';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem, type ApiProblem } from '../../graphql/errors';

/**
 * The person's published shifts in their phone's calendar: the API issues a secret address (shown
 * once, the old one revoked) of an iCalendar feed; the person subscribes to it, or stops it.
 */
export function CalendarFeedCard({ staffId, hasFeed }: { staffId: string; hasFeed: boolean }) {
  const { t } = useTranslation();
  const [issue, issuing] = useMutation(IssueCalendarFeedDocument);
  const [revoke, revoking] = useMutation(RevokeCalendarFeedDocument);
  const [address, setAddress] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const run = async (action: () => Promise<void>) => {
    setProblem(null);
    setNotice(null);
    try {
      await action();
    } catch (error) {
      setProblem(apiProblem(error));
    }
  };
  const onIssue = () =>
    run(async () => {
      const { data } = await issue({ variables: { input: { staffId } } });
      if (data) setAddress(`${window.location.origin}${data.issueCalendarFeed.path}`);
    });
  const onRevoke = () =>
    run(async () => {
      await revoke({ variables: { input: { staffId } } });
      setAddress(null);
      setNotice(t('roster.mine.feed.revoked'));
    });
  const onCopy = () =>
    run(async () => {
      if (address) await navigator.clipboard.writeText(address);
      setNotice(t('roster.mine.feed.copied'));
    });
  const busy = issuing.loading || revoking.loading;
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="calendar-feed">
      <Stack spacing={1.5}>
        <Typography variant="h2" sx={{ fontSize: '1.1rem', display: 'flex', alignItems: 'center', gap: 1 }}>
          <EventAvailable fontSize="small" aria-hidden /> {t('roster.mine.feed.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('roster.mine.feed.intro')}
        </Typography>
        {!address && <Typography variant="body2">{hasFeed ? t('roster.mine.feed.active') : t('roster.mine.feed.none')}</Typography>}
        {address && (
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
            <TextField
              label={t('roster.mine.feed.address')}
              value={address}
              size="small"
              fullWidth
              slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'calendar-feed-address' } }}
              onFocus={(e) => e.target.select()}
            />
            <Button variant="outlined" onClick={onCopy}>
              {t('roster.mine.feed.copy')}
            </Button>
          </Stack>
        )}
        {notice && <Alert severity="success">{notice}</Alert>}
        {problem && <ProblemAlert problem={problem} />}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <Button variant="contained" onClick={onIssue} disabled={busy} data-testid="calendar-feed-issue">
            {hasFeed || address ? t('roster.mine.feed.reissue') : t('roster.mine.feed.issue')}
          </Button>
          {(hasFeed || address) && (
            <Button variant="text" color="error" onClick={onRevoke} disabled={busy} data-testid="calendar-feed-revoke">
              {t('roster.mine.feed.revoke')}
            </Button>
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
