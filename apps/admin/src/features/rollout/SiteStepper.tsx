import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import useMediaQuery from '@mui/material/useMediaQuery';
import type { SiteStatus } from '../../graphql/generated';
import { formatDate } from '../../dates';
import { SITE_MAIN_LINE } from './enums';

interface HistoryEntry {
  fromStatus?: SiteStatus | null;
  toStatus: SiteStatus;
  on: string;
}

/**
 * The step of the main line (PLANNED → … → REVIEWED) the site stands at: its status, or for a
 * suspended site the status it resumes to, or for a withdrawn one the status it left.
 */
export function siteActiveStep(status: SiteStatus, suspendedFrom: SiteStatus | null | undefined, history: readonly HistoryEntry[]): number {
  const at = (s: SiteStatus | null | undefined) => (s ? SITE_MAIN_LINE.indexOf(s) : -1);
  if (status === 'SUSPENDED') return Math.max(0, at(suspendedFrom));
  if (status === 'WITHDRAWN') {
    const last = [...history].reverse().find((h) => h.toStatus === 'WITHDRAWN');
    return Math.max(0, at(last?.fromStatus));
  }
  return Math.max(0, at(status));
}

interface SiteStepperProps {
  status: SiteStatus;
  statusSince: string;
  suspendedFrom?: SiteStatus | null;
  history: readonly HistoryEntry[];
}

/** Where the site stands on its main line, with the day each step was reached; SUSPENDED and WITHDRAWN beside it. */
export function SiteStepper({ status, statusSince, suspendedFrom, history }: SiteStepperProps) {
  const { t } = useTranslation();
  const theme = useTheme();
  const narrow = useMediaQuery(theme.breakpoints.down('sm'));
  const active = siteActiveStep(status, suspendedFrom, history);
  const off = status === 'SUSPENDED' || status === 'WITHDRAWN';
  const reachedOn = (s: SiteStatus) => [...history].reverse().find((h) => h.toStatus === s)?.on;
  return (
    <Box data-testid="site-stepper" data-active-step={SITE_MAIN_LINE[active]}>
      <Stepper activeStep={active} alternativeLabel={!narrow} orientation={narrow ? 'vertical' : 'horizontal'} aria-label={t('rollout.site.stepper.label')}>
        {SITE_MAIN_LINE.map((s, i) => {
          const done = i < active || (status === 'REVIEWED' && i === active);
          const day = i <= active ? reachedOn(s) : undefined;
          return (
            <Step key={s} completed={done} data-testid={`site-step-${s}`} aria-current={i === active ? 'step' : undefined}>
              <StepLabel
                error={i === active && status === 'WITHDRAWN'}
                optional={
                  <Typography variant="caption" color="text.secondary">
                    {i === active && !off ? t('rollout.site.stepper.since', { date: formatDate(statusSince) }) : day ? formatDate(day) : '\u00a0'}
                  </Typography>
                }
              >
                {t(`rollout.labels.siteStatus.${s}`)}
              </StepLabel>
            </Step>
          );
        })}
      </Stepper>
      {status === 'SUSPENDED' && (
        <Alert severity="warning" sx={{ mt: 2 }} data-testid="site-stepper-aside">
          {t('rollout.site.stepper.suspended', { date: formatDate(statusSince), from: t(`rollout.labels.siteStatus.${suspendedFrom ?? 'PLANNED'}`) })}
        </Alert>
      )}
      {status === 'WITHDRAWN' && (
        <Alert severity="error" sx={{ mt: 2 }} data-testid="site-stepper-aside">
          {t('rollout.site.stepper.withdrawn', { date: formatDate(statusSince) })}
        </Alert>
      )}
    </Box>
  );
}
