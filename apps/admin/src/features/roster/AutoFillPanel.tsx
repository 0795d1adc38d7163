import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { AcceptRosterProposalDocument, DiscardRosterProposalDocument, type AutoFillStage, type RosterAutoFillFragment } from '../../graphql/generated';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { formatDate, addDays } from '../../dates';
import { currentLanguage } from '../../i18n';
import { useRosterLabels } from './labels';
import { REFETCH } from './RosterDialogs';

/** Slots short listed at first; the rest on demand. */
const UNMET_SHOWN = 4;

const STAGE_PROGRESS: Record<AutoFillStage, number> = {
  PREPARE: 10,
  FILL: 40,
  BALANCE: 75,
  DONE: 100,
};

const number = (value: number, digits = 1) =>
  value.toLocaleString(currentLanguage() === 'en' ? 'en-GB' : 'vi-VN', {
    maximumFractionDigits: digits,
  });

/**
 * The auto-fill of a desk's week: progress while the solver works, then its score (slots left empty
 * against the proven bound, the optimality gap, the spread of hours), the slots it cannot fill and why,
 * and accept (planned shifts, all or nothing) or discard. The proposed shifts show on the board itself.
 */
export function AutoFillPanel({
  monday,
  job,
  starting,
  startProblem,
  onAgain,
  onClose,
  onAccepted,
}: {
  monday: string;
  job: RosterAutoFillFragment | null;
  starting: boolean;
  startProblem: ApiProblem | null;
  onAgain: () => void;
  onClose: () => void;
  onAccepted: (count: number) => void;
}) {
  const { t } = useTranslation();
  const { dayLabel } = useRosterLabels();
  const [accept] = useMutation(AcceptRosterProposalDocument, REFETCH);
  const [discard] = useMutation(DiscardRosterProposalDocument);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [allUnmet, setAllUnmet] = useState(false);
  const proposal = job?.status === 'DONE' ? job.proposal : null;
  const running = starting || job?.status === 'QUEUED' || job?.status === 'RUNNING';

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(apiProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const onAccept = () =>
    run(async () => {
      if (!job) return;
      const { data } = await accept({
        variables: { input: { jobId: job.id } },
      });
      onAccepted(data?.acceptRosterProposal.shifts.length ?? 0);
    });
  const onDiscard = () =>
    run(async () => {
      if (job && job.status === 'DONE') await discard({ variables: { input: { jobId: job.id } } });
      onClose();
    });

  return (
    <Paper
      variant="outlined"
      className="no-print"
      data-testid="roster-autofill"
      data-status={job?.status ?? (starting ? 'STARTING' : 'NONE')}
      sx={{ p: 2, borderColor: 'success.main', borderWidth: 2 }}
    >
      <Typography variant="h2" component="h2" gutterBottom>
        {t('roster.autofill.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('roster.autofill.scope', {
          from: formatDate(monday),
          to: formatDate(addDays(monday, 6)),
        })}
      </Typography>
      <Stack spacing={1.5}>
        <ProblemAlert problem={startProblem ?? problem} />
        {running && (
          <Box data-testid="roster-autofill-progress">
            <Typography variant="body2" sx={{ mb: 0.5 }}>
              {job?.status === 'QUEUED'
                ? t('roster.autofill.queued')
                : t('roster.autofill.running', {
                    stage: t(`roster.autofill.stages.${job?.stage ?? 'PREPARE'}`),
                    seconds: number(job?.seconds ?? 0, 0),
                  })}
            </Typography>
            <LinearProgress
              variant={job?.stage ? 'determinate' : 'indeterminate'}
              value={STAGE_PROGRESS[job?.stage ?? 'PREPARE']}
              aria-label={t('roster.autofill.title')}
            />
          </Box>
        )}
        {job?.status === 'FAILED' && <Alert severity="error">{t('roster.autofill.failed')}</Alert>}
        {(job?.status === 'DISCARDED' || job?.status === 'ACCEPTED') && <Alert severity="info">{t('roster.autofill.stopped')}</Alert>}
        {proposal && (
          <Box data-testid="roster-autofill-result">
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {proposal.shifts.length
                ? t('roster.autofill.summary', {
                    count: proposal.shifts.length,
                  })
                : t('roster.autofill.nothing')}
            </Typography>
            <Typography variant="body2" data-testid="roster-autofill-score">
              {t('roster.autofill.unfilled', {
                unfilled: proposal.unfilled,
                demanded: proposal.demanded,
              })}
              {' ('}
              {t('roster.autofill.bound', { bound: proposal.bound })}
              {'; '}
              {t('roster.autofill.gap', { gap: number(proposal.gapPct) })}
              {').'}
            </Typography>
            <Typography variant="body2">
              {t('roster.autofill.spread', {
                hours: number(proposal.spreadHours),
              })}
            </Typography>
            {proposal.awayFromHome > 0 && <Typography variant="body2">{t('roster.autofill.away', { count: proposal.awayFromHome })}</Typography>}
            <Alert severity={proposal.quality === 'OPTIMAL' ? 'success' : 'warning'} sx={{ mt: 1 }} data-testid="roster-autofill-quality">
              {t(`roster.autofill.quality.${proposal.quality}`)}
            </Alert>
            {proposal.unmet.length > 0 && (
              <Box sx={{ mt: 1 }} data-testid="roster-autofill-unmet">
                <Typography variant="subtitle2">{t('roster.autofill.unmetTitle', { count: proposal.unmet.length })}</Typography>
                <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                  {(allUnmet ? proposal.unmet : proposal.unmet.slice(0, UNMET_SHOWN)).map((u) => (
                    <li key={`${u.deskId}|${u.day}|${u.opensAt}`}>
                      <Typography variant="body2">
                        {t('roster.autofill.unmet', {
                          day: dayLabel(u.day),
                          from: u.opensAt,
                          to: u.closesAt,
                          missing: u.missing,
                          reason: t(`roster.autofill.reasons.${u.reason}`),
                        })}
                      </Typography>
                    </li>
                  ))}
                </ul>
                {proposal.unmet.length > UNMET_SHOWN && (
                  <Button size="small" onClick={() => setAllUnmet(!allUnmet)} data-testid="roster-autofill-unmet-more">
                    {allUnmet ? t('roster.autofill.unmetLess') : t('roster.autofill.unmetMore', { count: proposal.unmet.length })}
                  </Button>
                )}
              </Box>
            )}
            {proposal.shifts.length > 0 && (
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
                {t('roster.autofill.acceptHint')}
              </Typography>
            )}
          </Box>
        )}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {proposal && proposal.shifts.length > 0 && (
            <Button variant="contained" color="success" onClick={() => void onAccept()} disabled={busy} data-testid="roster-autofill-accept">
              {t('roster.autofill.accept')}
            </Button>
          )}
          {(job?.status === 'FAILED' || job?.status === 'DISCARDED' || problem || startProblem) && (
            <Button variant="outlined" onClick={onAgain} disabled={busy || running} data-testid="roster-autofill-again">
              {t('roster.autofill.again')}
            </Button>
          )}
          <Button
            variant="outlined"
            color={proposal ? 'error' : 'primary'}
            onClick={() => void onDiscard()}
            disabled={busy}
            data-testid="roster-autofill-discard"
          >
            {proposal ? t('roster.autofill.discard') : t('roster.autofill.close')}
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
