import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { SiteSetReadinessDocument, type SiteStatus } from '../../graphql/generated';
import { formatDate } from '../../dates';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { ConflictAlert } from '../../components/ConflictAlert';
import { useActorText } from '../administration/useAuditLabels';

export interface SiteReadinessProps {
  site: {
    id: string;
    version: number;
    status: SiteStatus;
    launchedOn?: string | null;
    readiness: ReadonlyArray<{ key: string; label: string; done: boolean; doneBy?: string | null; doneOn?: string | null; note?: string | null }>;
  };
  /** The user may tick items (useCanTickReadiness). */
  canTick: boolean;
  /** Items the API said are not done when launching: highlighted. */
  unmet: readonly string[];
  onReload: () => void;
}

/** Whether a site's checklist can still change: before launch only. */
export function readinessOpen(status: SiteStatus, launchedOn?: string | null): boolean {
  return !launchedOn && (status === 'PLANNED' || status === 'PREPARING' || status === 'SUSPENDED');
}

/** Danh mục sẵn sàng: every item with who ticked it and when; a checkbox for those who may tick, before launch. */
export function SiteReadiness({ site, canTick, unmet, onReload }: SiteReadinessProps) {
  const { t } = useTranslation();
  const actorText = useActorText();
  const [pending, setPending] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [setReadiness] = useMutation(SiteSetReadinessDocument);
  const open = readinessOpen(site.status, site.launchedOn);
  const editable = canTick && open;
  const done = site.readiness.filter((r) => r.done).length;
  const total = site.readiness.length;

  const toggle = async (key: string, value: boolean) => {
    setPending(key);
    setProblem(null);
    try {
      await setReadiness({ variables: { input: { id: site.id, version: site.version, key, done: value } } });
    } catch (error) {
      setProblem(apiProblem(error));
    } finally {
      setPending(null);
    }
  };

  if (total === 0) {
    return (
      <Typography variant="body2" color="text.secondary" data-testid="readiness-empty">
        {t('rollout.site.readiness.empty')}
      </Typography>
    );
  }

  return (
    <Box data-testid="site-readiness">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, mb: 1 }}>
        <LinearProgress
          variant="determinate"
          value={(done / total) * 100}
          color={done === total ? 'success' : 'primary'}
          sx={{ flexGrow: 1, height: 8, borderRadius: 4 }}
          aria-label={t('rollout.site.readiness.progress', { done, total })}
        />
        <Typography variant="body2" color="text.secondary" data-testid="readiness-count" sx={{ whiteSpace: 'nowrap' }}>
          {t('rollout.site.readiness.progress', { done, total })}
        </Typography>
      </Box>
      {!open && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {t('rollout.site.readiness.locked')}
        </Typography>
      )}
      {problem &&
        (problem.code === 'CONFLICT' ? (
          <ConflictAlert
            message={t('rollout.site.conflict')}
            onReload={() => {
              setProblem(null);
              onReload();
            }}
          />
        ) : (
          <Alert severity="error" role="alert" sx={{ mb: 1 }} onClose={() => setProblem(null)}>
            {problem.code === 'NETWORK' ? t('errors.network') : problem.code === 'FORBIDDEN' ? t('errors.forbidden') : problem.message}
          </Alert>
        ))}
      <List dense disablePadding>
        {site.readiness.map((item) => {
          const missing = !item.done && unmet.includes(item.key);
          const labelId = `readiness-${item.key}`;
          return (
            <ListItem
              key={item.key}
              disableGutters
              data-testid={`readiness-item-${item.key}`}
              data-unmet={missing ? 'true' : undefined}
              sx={{
                px: 1,
                borderRadius: 1,
                border: 1,
                borderColor: missing ? 'error.main' : 'transparent',
                backgroundColor: missing ? 'rgba(211, 47, 47, 0.06)' : undefined,
                mb: 0.5,
              }}
            >
              <ListItemIcon sx={{ minWidth: 40 }}>
                {editable ? (
                  pending === item.key ? (
                    <CircularProgress size={20} sx={{ m: 1.25 }} aria-label={t('form.saving')} />
                  ) : (
                    <Checkbox
                      edge="start"
                      checked={item.done}
                      disabled={pending !== null}
                      onChange={(e) => void toggle(item.key, e.target.checked)}
                      slotProps={{ input: { 'aria-labelledby': labelId, 'data-testid': `readiness-check-${item.key}` } as object }}
                    />
                  )
                ) : item.done ? (
                  <CheckCircleIcon color="success" aria-label={t('rollout.site.readiness.done')} />
                ) : (
                  <RadioButtonUncheckedIcon color={missing ? 'error' : 'disabled'} aria-label={t('rollout.site.readiness.notDone')} />
                )}
              </ListItemIcon>
              <ListItemText
                id={labelId}
                primary={item.label}
                secondary={
                  item.done
                    ? [t('rollout.site.readiness.doneBy', { date: formatDate(item.doneOn), by: actorText(item.doneBy) || '—' }), item.note].filter(Boolean).join(' · ')
                    : missing
                      ? t('rollout.site.readiness.unmet')
                      : t('rollout.site.readiness.notDone')
                }
                slotProps={{ secondary: { color: missing ? 'error' : 'text.secondary' } }}
              />
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
