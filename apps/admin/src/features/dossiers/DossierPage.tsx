import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import LocalShippingOutlined from '@mui/icons-material/LocalShippingOutlined';
import EventRepeatOutlined from '@mui/icons-material/EventRepeatOutlined';
import SentimentSatisfiedAltOutlined from '@mui/icons-material/SentimentSatisfiedAltOutlined';
import { DossierDetailDocument, DossierStepDocument, type DossierAction, type DossierDetailFragment, type DossierForm } from '../../graphql/generated';
import { ConflictAlert } from '../../components/ConflictAlert';
import { ProblemAlert } from '../../components/ProblemAlert';
import { PageCrumbs, RecordPageFallback } from '../../components/RecordPage';
import { formatDate, formatDateTime, todayIso } from '../../dates';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import { DetailList } from '../organisation/DetailList';
import { ApologyDialog, PostalEventDialog, RateDialog, StepDialog } from './DossierDialogs';
import { DossierStatusChip } from './DossierChips';
import { FINAL_STATUSES, formatMoney, NOTE_REQUIRED } from './labels';
import { printDossierForm } from './print';

/** The forms that apply to the dossier: the receipt and control sheet always, the others once their step is on the timeline. */
export function formsOf(dossier: Pick<DossierDetailFragment, 'timeline'>): DossierForm[] {
  const kinds = new Set(dossier.timeline.map((e) => e.kind));
  return [
    'RECEIPT',
    ...(kinds.has('REQUEST_SUPPLEMENT') ? (['SUPPLEMENT_REQUEST'] as const) : []),
    ...(kinds.has('REFUSE') ? (['REFUSAL'] as const) : []),
    ...(kinds.has('APOLOGY') ? (['APOLOGY'] as const) : []),
    'CONTROL_SHEET',
  ];
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }} data-testid={testId}>
      <Typography variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mb: 1.5 }}>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

/** Steps taken now and then (a refusal, a stop, a withdrawal): outlined, beside the usual next step. */
const SECONDARY_ACTIONS: readonly DossierAction[] = ['REFUSE', 'STOP', 'REQUEST_WITHDRAWAL'];

type DialogState = { kind: 'step'; action: DossierAction } | { kind: 'apology' } | { kind: 'postal' } | { kind: 'rate' } | null;

/**
 * A dossier: its code, status, due day (and the new day promised, if any), overdue mark; the applicant
 * (masked when the API says so), the procedure and where it was received, fees, the components, the
 * timeline oldest first; only the steps `allowedActions` offers, the forms to print, the apology for a
 * late open dossier, the postal leg's events and the counter's satisfaction rating once returned.
 */
export function DossierPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const client = useApolloClient();
  const { user } = useSession();
  const roles = user?.roles ?? [];
  const { data, loading, error, refetch } = useQuery(DossierDetailDocument, { variables: { id } });
  const dossier = data?.dossier;
  useDocumentTitle(dossier?.code ?? t('dossiers.list.title'));
  const [dialog, setDialog] = useState<DialogState>(null);
  const [done, setDone] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [printMenu, setPrintMenu] = useState<HTMLElement | null>(null);
  const [printing, setPrinting] = useState(false);
  const [step, { loading: stepping }] = useMutation(DossierStepDocument);

  const crumbs = <PageCrumbs label={t('dossiers.list.title')} items={[{ label: t('dossiers.list.title'), href: '/dossiers' }, { label: dossier?.code ?? '…' }]} />;
  if (!dossier) {
    return (
      <RecordPageFallback
        crumbs={crumbs}
        problem={apiProblem(error)}
        loading={loading}
        loadingLabel={t('status.loading')}
        skeleton={{ titleWidth: '40%', titleHeight: 48, blocks: [120, 200, 240] }}
        notFound={{ title: t('dossiers.page.notFound'), backHref: '/dossiers', backLabel: t('dossiers.page.back'), testId: 'dossier-not-found' }}
      />
    );
  }

  const money = (amount: number) => formatMoney(amount, i18n.language, t);
  const open = !FINAL_STATUSES.includes(dossier.status) && dossier.status !== 'RESULT_READY';
  const handles = !dossier.applicant.masked;
  // Form 04 once the legal day has passed, and again only once the day it promised has passed too.
  const promiseKept = Boolean(dossier.promisedOn && dossier.promisedOn >= todayIso());
  const canApologise = handles && dossier.overdue && open && !promiseKept && (roles.includes('COUNTER_CLERK') || roles.includes('AGENCY_OFFICER'));
  const canPostal = handles && (roles.includes('COUNTER_CLERK') || roles.includes('POST_OFFICE_MANAGER'));
  const canRate = handles && dossier.status === 'RESULT_RETURNED' && !dossier.rating && roles.includes('COUNTER_CLERK');
  const reload = () => {
    setProblem(null);
    void refetch();
  };

  const takeStep = async (action: DossierAction) => {
    setDone('');
    setProblem(null);
    if (NOTE_REQUIRED.includes(action)) {
      setDialog({ kind: 'step', action });
      return;
    }
    try {
      await step({ variables: { input: { id: dossier.id, version: dossier.version, action } } });
      setDone(t(`dossiers.actionDone.${action}`));
    } catch (e) {
      setProblem(apiProblem(e));
    }
  };

  const print = async (form: DossierForm) => {
    setPrintMenu(null);
    setPrinting(true);
    setProblem(null);
    try {
      await printDossierForm(client, dossier.id, form);
    } catch (e) {
      setProblem(apiProblem(e));
    } finally {
      setPrinting(false);
    }
  };

  const applicant = dossier.applicant;
  return (
    <>
      {crumbs}
      <Box component="header" sx={{ mb: 2 }}>
        <Typography variant="h1" sx={{ fontFamily: '"Roboto Mono", monospace', fontSize: { xs: '1.25rem', sm: '1.75rem' }, overflowWrap: 'anywhere' }} data-testid="dossier-code">
          {dossier.code}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mt: 1 }}>
          <DossierStatusChip status={dossier.status} overdue={dossier.overdue} size="medium" />
          <Typography variant="body2" sx={{ color: dossier.overdue ? 'error.main' : undefined, fontWeight: 500 }} data-testid="dossier-due">
            {t('dossiers.page.dueOn', { date: formatDate(dossier.dueDate) })}
          </Typography>
          {dossier.promisedOn && <Chip size="small" variant="outlined" label={t('dossiers.page.promisedOn', { date: formatDate(dossier.promisedOn) })} data-testid="dossier-promised" />}
          {dossier.clockStoppedAt && <Chip size="small" color="warning" variant="outlined" label={t('dossiers.page.clockStopped', { date: formatDateTime(dossier.clockStoppedAt) })} />}
        </Stack>
      </Box>

      <Paper variant="outlined" sx={{ p: 2, mb: 2 }} component="section" aria-label={t('dossiers.page.actions')}>
        {stepping && <Typography variant="caption">{t('form.saving')}</Typography>}
        {problem?.code === 'CONFLICT' ? (
          <Box sx={{ mb: 1.5 }}>
            <ConflictAlert message={t('dossiers.page.conflict')} onReload={reload} />
          </Box>
        ) : (
          problem && (
            <Box sx={{ mb: 1.5 }}>
              <ProblemAlert problem={problem} />
            </Box>
          )
        )}
        {done && (
          <Alert severity="success" sx={{ mb: 1.5 }} onClose={() => setDone('')} data-testid="dossier-done">
            {done}
          </Alert>
        )}
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid="dossier-actions">
          {dossier.allowedActions.map((action) => (
            <Button
              key={action}
              variant={SECONDARY_ACTIONS.includes(action) ? 'outlined' : 'contained'}
              color={action === 'REFUSE' || action === 'STOP' ? 'error' : 'primary'}
              disabled={stepping}
              onClick={() => void takeStep(action)}
              data-testid={`dossier-action-${action}`}
            >
              {t(`dossiers.action.${action}`)}
            </Button>
          ))}
          {canApologise && (
            <Button variant="outlined" color="warning" startIcon={<EventRepeatOutlined />} onClick={() => setDialog({ kind: 'apology' })} data-testid="dossier-apologise">
              {t('dossiers.page.apologise')}
            </Button>
          )}
          {canPostal && (
            <Button variant="outlined" startIcon={<LocalShippingOutlined />} onClick={() => setDialog({ kind: 'postal' })} data-testid="dossier-postal">
              {t('dossiers.page.postal')}
            </Button>
          )}
          {canRate && (
            <Button variant="outlined" startIcon={<SentimentSatisfiedAltOutlined />} onClick={() => setDialog({ kind: 'rate' })} data-testid="dossier-rate">
              {t('dossiers.page.rate')}
            </Button>
          )}
          {handles && (
            <>
              <Button variant="outlined" startIcon={<PrintIcon />} disabled={printing} onClick={(e) => setPrintMenu(e.currentTarget)} data-testid="dossier-print" aria-haspopup="menu">
                {printing ? t('dossiers.page.printing') : t('dossiers.page.print')}
              </Button>
              <Menu anchorEl={printMenu} open={Boolean(printMenu)} onClose={() => setPrintMenu(null)}>
                {formsOf(dossier).map((form) => (
                  <MenuItem key={form} onClick={() => void print(form)} data-testid={`dossier-print-${form}`}>
                    {t(`dossiers.form.${form}`)}
                  </MenuItem>
                ))}
              </Menu>
            </>
          )}
        </Stack>
        {dossier.allowedActions.length === 0 && !canApologise && !canPostal && !canRate && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="dossier-no-actions">
            {t('dossiers.page.noActions')}
          </Typography>
        )}
      </Paper>

      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, alignItems: 'start' }}>
        <Stack spacing={2}>
          <Section title={t('dossiers.page.applicant')} testId="dossier-applicant">
            {applicant.masked && (
              <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
                {t('dossiers.masked')}
              </Typography>
            )}
            <DetailList
              items={[
                { label: t('dossiers.fields.fullName'), value: applicant.fullName },
                { label: t('dossiers.fields.nationalId'), value: applicant.nationalId },
                { label: t('dossiers.fields.phone'), value: applicant.phone },
                { label: t('dossiers.fields.email'), value: applicant.email },
                { label: t('dossiers.fields.address'), value: applicant.address },
              ]}
            />
          </Section>
          <Section title={t('dossiers.page.procedure')}>
            <DetailList
              items={[
                { label: t('dossiers.fields.procedure'), value: `${dossier.procedure.name} (${dossier.procedure.code})` },
                { label: t('dossiers.fields.field'), value: dossier.procedure.field.name },
                { label: t('dossiers.fields.processingTime'), value: t(`dossiers.processingTime.${dossier.procedure.processingUnit}`, { count: dossier.procedure.processingTime }) },
                { label: t('dossiers.fields.agency'), value: dossier.agency.name },
                { label: t('dossiers.fields.desk'), value: dossier.desk.name },
                ...(dossier.postOffice ? [{ label: t('dossiers.fields.postOffice'), value: dossier.postOffice.name }] : []),
                { label: t('dossiers.fields.channel'), value: t(`dossiers.channel.${dossier.channel}`) },
                { label: t('dossiers.fields.receivedAt'), value: formatDateTime(dossier.receivedAt) },
                { label: t('dossiers.fields.resultDelivery'), value: t(`dossiers.delivery.${dossier.resultDelivery}`) },
                ...(dossier.resultDelivery === 'BY_POST' ? [{ label: t('dossiers.fields.deliveryAddress'), value: dossier.deliveryAddress }] : []),
                ...(dossier.portalReference ? [{ label: t('dossiers.fields.portalReference'), value: dossier.portalReference }] : []),
                ...(dossier.rating
                  ? [{ label: t('dossiers.fields.rating'), value: [t(`dossiers.rating.${dossier.rating}`), dossier.ratingComment].filter(Boolean).join(' · ') }]
                  : []),
              ]}
            />
          </Section>
          <Section title={t('dossiers.page.fees')} testId="dossier-fees">
            <DetailList
              items={[
                { label: t('dossiers.fields.procedureFee'), value: money(dossier.procedureFee) },
                { label: t('dossiers.fields.postalFee'), value: money(dossier.postalFee) },
                { label: t('dossiers.fields.totalFee'), value: <strong>{money(dossier.procedureFee + dossier.postalFee)}</strong> },
              ]}
            />
          </Section>
          <Section title={t('dossiers.page.components')}>
            <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
              {dossier.components.map((c) => (
                <li key={c.id}>
                  <Typography variant="body2">{c.name}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {t('dossiers.reception.copies', { originals: c.originals, copies: c.copies })} · {c.digitised ? t('dossiers.page.digitised') : t('dossiers.page.notDigitised')}
                  </Typography>
                </li>
              ))}
            </Box>
          </Section>
        </Stack>
        <Section title={t('dossiers.page.timeline')} testId="dossier-timeline">
          <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }}>
            {dossier.timeline.map((e, i) => (
              <Box
                component="li"
                key={e.id}
                data-testid="dossier-event"
                sx={{ position: 'relative', pl: 3, pb: i === dossier.timeline.length - 1 ? 0 : 2, borderLeft: '2px solid', borderColor: i === dossier.timeline.length - 1 ? 'transparent' : 'divider', ml: 0.75 }}
              >
                <Box sx={{ position: 'absolute', left: -7, top: 2, width: 12, height: 12, borderRadius: '50%', bgcolor: e.kind === 'APOLOGY' ? 'warning.main' : 'primary.main' }} aria-hidden />
                <Typography variant="body2" sx={{ fontWeight: 500 }}>
                  {e.label}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                  {[formatDateTime(e.at), t('dossiers.page.by', { actor: e.actorLabel }), e.unitName].filter(Boolean).join(' · ')}
                </Typography>
                {(e.place || e.postalItem) && (
                  <Typography variant="caption" color="text.secondary" component="div">
                    {[e.place, e.postalItem && t('dossiers.page.postalItem', { number: e.postalItem })].filter(Boolean).join(' · ')}
                  </Typography>
                )}
                {e.note && (
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-line', mt: 0.5 }}>
                    {e.note}
                  </Typography>
                )}
              </Box>
            ))}
          </Box>
        </Section>
      </Box>

      {dialog?.kind === 'step' && <StepDialog dossier={dossier} action={dialog.action} onClose={() => setDialog(null)} onReload={reload} onDone={setDone} />}
      {dialog?.kind === 'apology' && <ApologyDialog dossier={dossier} dueDate={dossier.dueDate} onClose={() => setDialog(null)} onReload={reload} onDone={setDone} />}
      {dialog?.kind === 'postal' && <PostalEventDialog dossier={dossier} onClose={() => setDialog(null)} onReload={reload} onDone={setDone} />}
      {dialog?.kind === 'rate' && <RateDialog dossier={dossier} onClose={() => setDialog(null)} onReload={reload} onDone={setDone} />}
    </>
  );
}
