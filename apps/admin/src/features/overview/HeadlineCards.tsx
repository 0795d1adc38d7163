import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { OverviewHandoverTotalsFragment, OverviewLevelProgressFragment } from '../../graphql/generated';
import { percentOf } from './overviewData';
import { useNumberFormats } from './formats';

interface HeadlineCardProps {
  label: string;
  value: ReactNode;
  /** A line under the value. */
  detail?: ReactNode;
  /** Share of the plan reached, 0–100, drawn as a bar. */
  percent?: number;
  tone?: 'default' | 'error' | 'success';
  /** A smaller value (long amounts). */
  small?: boolean;
  testId: string;
}

function HeadlineCard({ label, value, detail, percent, tone = 'default', small = false, testId }: HeadlineCardProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Card variant="outlined" component="article" aria-labelledby={labelId} data-testid={testId} sx={{ height: '100%' }}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Typography id={labelId} variant="subtitle2" component="h3" color="text.secondary" gutterBottom>
          {label}
        </Typography>
        <Typography
          variant={small ? 'h5' : 'h4'}
          component="p"
          data-testid={`${testId}-value`}
          sx={{ fontWeight: 500, lineHeight: 1.2, color: tone === 'error' ? 'error.main' : tone === 'success' ? 'success.main' : 'text.primary', overflowWrap: 'anywhere' }}
        >
          {value}
        </Typography>
        {detail && (
          <Typography variant="body2" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
            {detail}
          </Typography>
        )}
        {percent !== undefined && (
          <LinearProgress
            variant="determinate"
            value={percent}
            aria-label={t('overview.cards.percentOfTarget', { percent })}
            sx={{ mt: 1.5, height: 6, borderRadius: 3 }}
            color={tone === 'success' ? 'success' : 'primary'}
          />
        )}
      </CardContent>
    </Card>
  );
}

interface HeadlineCardsProps {
  /** The programme's total progress row (all phases, all levels). */
  total: OverviewLevelProgressFragment;
  handover: OverviewHandoverTotalsFragment;
  /** Open action items and how many of them are overdue; undefined while they load. */
  openItems?: number;
  overdueItems?: number;
}

/** The headline numbers of a programme: sites against the plan, late sites, open tasks, staff and investment. */
export function HeadlineCards({ total, handover, openItems, overdueItems }: HeadlineCardsProps) {
  const { t } = useTranslation();
  const fmt = useNumberFormats();
  const ofTarget = (n: number) => (
    <>
      {fmt.count(n)}
      <Typography component="span" variant="h6" color="text.secondary" sx={{ fontWeight: 400 }}>
        {' '}
        / {fmt.count(total.target)}
      </Typography>
    </>
  );
  const siteCard = (key: 'enrolled' | 'launched' | 'operating') => {
    const percent = percentOf(total[key], total.target);
    return (
      <HeadlineCard
        key={key}
        testId={`card-${key}`}
        label={t(`overview.cards.${key}`)}
        value={ofTarget(total[key])}
        detail={`${t('overview.cards.ofTarget', { target: fmt.count(total.target) })} · ${t('overview.cards.percentOfTarget', { percent })}`}
        percent={percent}
        tone={key === 'operating' && total[key] > 0 ? 'success' : 'default'}
      />
    );
  };

  return (
    <Box
      component="section"
      aria-label={t('overview.cards.title')}
      data-testid="headline-cards"
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))', gap: 2 }}
    >
      {siteCard('enrolled')}
      {siteCard('launched')}
      {siteCard('operating')}
      <HeadlineCard
        testId="card-late"
        label={t('overview.cards.late')}
        value={fmt.count(total.late)}
        detail={t('overview.cards.lateHint', { count: total.late })}
        tone={total.late > 0 ? 'error' : 'default'}
      />
      <HeadlineCard
        testId="card-action-items"
        label={t('overview.cards.openItems')}
        value={openItems === undefined ? <Skeleton width={48} /> : fmt.count(openItems)}
        detail={
          overdueItems === undefined ? undefined : overdueItems > 0 ? (
            <Box component="span" sx={{ color: 'error.main', fontWeight: 500 }} data-testid="card-overdue">
              {t('overview.cards.overdueItems', { count: overdueItems })}
            </Box>
          ) : (
            <span data-testid="card-overdue">{t('overview.cards.noOverdue')}</span>
          )
        }
      />
      <HeadlineCard
        testId="card-staff"
        label={t('overview.cards.staff')}
        value={
          <>
            {fmt.count(handover.civilServantsRelieved)}
            <Typography component="span" variant="h6" color="text.secondary" sx={{ fontWeight: 400 }} aria-hidden>
              {' → '}
            </Typography>
            {fmt.count(handover.postalStaffDeployed)}
          </>
        }
        detail={
          <>
            <div>
              {fmt.count(handover.civilServantsRelieved)} {t('overview.cards.relieved')}
            </div>
            <div>
              {fmt.count(handover.postalStaffDeployed)} {t('overview.cards.deployed')}
            </div>
          </>
        }
      />
      <HeadlineCard
        testId="card-investment"
        label={t('overview.cards.investment')}
        value={fmt.vnd(handover.investmentTotal)}
        small
        detail={t('overview.cards.facilityHandovers', { count: handover.facilityHandovers })}
      />
    </Box>
  );
}
