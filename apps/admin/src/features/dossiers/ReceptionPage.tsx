import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Divider from '@mui/material/Divider';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import AddIcon from '@mui/icons-material/Add';
import { ReceptionDueAtDocument, ReceptionReceiveDocument, type DossierChannel, type DossierDetailFragment, type ResultDelivery } from '../../graphql/generated';
import { fieldHelp } from '../../components/FieldHelp';
import { ProblemAlert } from '../../components/ProblemAlert';
import { apiProblem, type ApiProblem } from '../../graphql/errors';
import { formatDate, formatDateTime } from '../../dates';
import { LIMITS } from '../../limits';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useSession } from '../auth/SessionContext';
import type { Option } from '../organisation/SearchAutocomplete';
import { PostOfficePicker } from '../organisation/pickers';
import { StaffDeskPicker } from '../staff/pickers';
import { parseCccdQr } from './cccdQr';
import { formatMoney, RECEPTION_CHANNELS } from './labels';
import { ProcedurePicker, type ProcedureOption } from './ProcedurePicker';
import { printDossierForm } from './print';

/** A component of the checklist as the clerk ticks it. */
interface Tick {
  received: boolean;
  digitised: boolean;
}

/** The fields the form shows the API's errors under (its field paths). */
const SHOWN_FIELDS = [
  'procedureId',
  'applicant.fullName',
  'applicant.nationalId',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'components',
  'channel',
  'resultDelivery',
  'deliveryAddress',
  'deskId',
  'postOfficeId',
];

/**
 * Where a scanner's burst starts in text typed into a field: the CCCD QR begins with the 12-digit ID
 * and a "|", which no name, number or address contains. Returns the text before it and the burst.
 */
export function splitScan(value: string): { before: string; scan: string } | null {
  const match = /^([\s\S]*?)(\d{12}\|[\s\S]*)$/.exec(value);
  return match ? { before: match[1], scan: match[2] } : null;
}

const PHONE = /^(\+?84|0)\d{9,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** How many postal legs are paid: the dossier's way in through the post, and the result's way out. */
const postalLegs = (channel: DossierChannel, delivery: ResultDelivery) => (channel === 'AT_DESK' ? 0 : 1) + (delivery === 'BY_POST' ? 1 : 0);

/**
 * Tiếp nhận hồ sơ: built for a clerk who receives dozens a day. The procedure field has the focus and
 * searches as you type (Enter takes the first match); a handheld scanner's burst of the chip ID card's
 * QR code, typed into any field of the page, fills the name, ID number and address; the required
 * documents are ticked; the channel is the desk and the result is collected at the desk unless changed;
 * fees and the legal time show as you fill; Enter saves. Then the code, the due day and the receipt.
 */
export default function ReceptionPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('dossiers.reception.title'));
  const [saved, setSaved] = useState<DossierDetailFragment | null>(null);
  const [round, setRound] = useState(0);
  if (saved) {
    return (
      <ReceptionDone
        dossier={saved}
        onNext={() => {
          setSaved(null);
          setRound((r) => r + 1);
        }}
      />
    );
  }
  return <ReceptionForm key={round} onSaved={setSaved} />;
}

function ReceptionForm({ onSaved }: { onSaved: (dossier: DossierDetailFragment) => void }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const roles = user?.roles ?? [];
  const isClerk = roles.includes('COUNTER_CLERK');
  const needsDesk = !isClerk;
  const [procedure, setProcedure] = useState<ProcedureOption | null>(null);
  const [ticks, setTicks] = useState<Record<string, Tick>>({});
  const [fullName, setFullName] = useState('');
  const [nationalId, setNationalId] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const [channel, setChannel] = useState<DossierChannel>(isClerk ? 'AT_DESK' : 'AT_POST_OFFICE');
  const [delivery, setDelivery] = useState<ResultDelivery>('AT_DESK');
  const [deliveryAddress, setDeliveryAddress] = useState<string | null>(null);
  const [desk, setDesk] = useState<Option | null>(null);
  const [postOffice, setPostOffice] = useState<Option | null>(null);
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState('');
  const [scannedName, setScannedName] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [receive, { loading: busy }] = useMutation(ReceptionReceiveDocument);
  // The due moment if received now, counted by the server as the reception will (working days and holidays).
  const due = useQuery(ReceptionDueAtDocument, { variables: { procedureId: procedure?.id ?? '' }, skip: !procedure, fetchPolicy: 'network-only' });
  const dueAt = procedure ? (due.data?.dossierDueAt ?? null) : null;
  const scanRef = useRef<HTMLInputElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  const message = (field: string) => local[field] ?? problem?.fields[field];

  const byPostAllowed = procedure ? procedure.bcciMode !== 'NOT_ELIGIBLE' : true;
  const postalChannelsAllowed = procedure ? procedure.bcciMode === 'RECEIVE_AND_RETURN' : true;

  const chooseProcedure = (next: ProcedureOption | null) => {
    setProcedure(next);
    setTicks(Object.fromEntries((next?.components ?? []).map((c) => [c.id, { received: c.required, digitised: c.required }])));
    if (next && next.bcciMode !== 'RECEIVE_AND_RETURN' && channel !== 'AT_DESK' && isClerk) setChannel('AT_DESK');
    if (next && next.bcciMode === 'NOT_ELIGIBLE') setDelivery('AT_DESK');
    // The applicant comes next (a scan typed there lands in the scan field).
    if (next) setTimeout(() => nameRef.current?.focus(), 0);
  };

  /** The scanner's burst has begun in another field: the rest goes to the scan field. */
  const redirectScan = (value: string, restore: (before: string) => void): boolean => {
    const split = splitScan(value);
    if (!split) return false;
    restore(split.before);
    setScan(split.scan);
    setScanError('');
    scanRef.current?.focus();
    return true;
  };

  const applyScan = (text: string) => {
    const result = parseCccdQr(text);
    if (!result.ok) {
      setScanError(i18n.language === 'en' ? result.error.message.en : result.error.message.vi);
      setTimeout(() => scanRef.current?.select(), 0);
      return;
    }
    const card = result.card;
    setFullName(card.fullName);
    setNationalId(card.citizenId);
    setAddress(card.address);
    setScan('');
    setScanError('');
    setScannedName(card.fullName);
    setLocal({});
    setTimeout(() => phoneRef.current?.focus(), 0);
  };

  // A burst typed while no text field has the focus (a checkbox, the page) goes to the scan field.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      if (e.ctrlKey || e.altKey || e.metaKey || e.key.length !== 1 || !/\d/.test(e.key)) return;
      const active = document.activeElement as HTMLElement | null;
      if (active && (active.tagName === 'TEXTAREA' || (active.tagName === 'INPUT' && !['checkbox', 'radio'].includes((active as HTMLInputElement).type)))) return;
      if (active?.getAttribute('role') === 'combobox' || active?.closest('[role="listbox"]')) return;
      e.preventDefault();
      setScan((s) => s + e.key);
      scanRef.current?.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  const onScanKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    // The scanner's Enter reads the code; it never submits the form.
    e.preventDefault();
    if (scan.trim()) applyScan(scan);
  };

  /** A text field of the applicant that hands a scanner's burst over to the scan field. */
  const textField = (value: string, set: (v: string) => void) => ({
    value,
    onChange: (e: { target: { value: string } }) => {
      if (!redirectScan(e.target.value, set)) set(e.target.value);
    },
  });

  const legs = postalLegs(channel, delivery);
  const procedureFee = procedure?.procedureFee ?? 0;
  const postalFee = legs * (procedure?.postalFee ?? 0);
  const money = (amount: number) => formatMoney(amount, i18n.language, t);
  const shownDeliveryAddress = deliveryAddress ?? address;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setProblem(null);
    const received = (procedure?.components ?? []).filter((c) => ticks[c.id]?.received);
    const cleanPhone = phone.replace(/[\s.]/g, '');
    const errors: Record<string, string | false> = {
      procedureId: !procedure && t('dossiers.reception.procedureRequired'),
      'applicant.fullName': !fullName.trim() && t('form.required'),
      'applicant.nationalId': Boolean(nationalId.trim()) && !/^\d{12}$/.test(nationalId.trim()) && t('dossiers.reception.nationalIdInvalid'),
      'applicant.phone': !cleanPhone ? t('form.required') : !PHONE.test(cleanPhone) && t('dossiers.reception.phoneInvalid'),
      'applicant.email': Boolean(email.trim()) && !EMAIL.test(email.trim()) && t('dossiers.reception.emailInvalid'),
      components: Boolean(procedure) && received.length === 0 && t('dossiers.reception.componentsRequired'),
      deliveryAddress: delivery === 'BY_POST' && !shownDeliveryAddress.trim() && t('dossiers.reception.deliveryAddressRequired'),
      deskId: needsDesk && !desk && t('dossiers.reception.deskRequired'),
    };
    const found = Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1])));
    setLocal(found);
    if (Object.keys(found).length > 0 || !procedure) return;
    try {
      const { data } = await receive({
        variables: {
          input: {
            procedureId: procedure.id,
            deskId: desk?.id ?? null,
            channel,
            postOfficeId: channel === 'AT_DESK' ? null : (postOffice?.id ?? null),
            applicant: {
              fullName: fullName.trim(),
              nationalId: nationalId.trim() || null,
              phone: phone.trim(),
              email: email.trim() || null,
              address: address.trim() || null,
            },
            components: received.map((c) => ({ name: c.name, originals: c.originals, copies: c.copies, digitised: ticks[c.id].digitised })),
            resultDelivery: delivery,
            deliveryAddress: delivery === 'BY_POST' ? shownDeliveryAddress.trim() : null,
          },
        },
      });
      if (data) onSaved(data.receiveDossier.dossier);
    } catch (error) {
      setProblem(apiProblem(error));
    }
  };

  return (
    <Box component="form" noValidate onSubmit={(e) => void submit(e)} data-testid="reception-form">
      {busy && <LinearProgress aria-label={t('form.saving')} sx={{ mb: 1 }} />}
      {problem && (
        <Box sx={{ mb: 2 }}>
          <ProblemAlert problem={problem} shownFields={SHOWN_FIELDS} />
        </Box>
      )}
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '7fr 5fr' }, alignItems: 'start' }}>
        <Stack spacing={2}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Stack spacing={2}>
              {needsDesk && (
                <StaffDeskPicker label={t('dossiers.fields.desk')} value={desk} onChange={setDesk} required error={message('deskId')} testId="reception-desk" />
              )}
              <ProcedurePicker
                label={t('dossiers.reception.procedure')}
                value={procedure}
                onChange={chooseProcedure}
                onForeignInput={(text) => {
                  let kept: string | null = null;
                  return redirectScan(text, (before) => (kept = before)) ? kept : null;
                }}
                autoFocus
                error={message('procedureId')}
                helperText={t('dossiers.reception.procedureHint')}
                testId="reception-procedure"
              />
            </Stack>
          </Paper>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="reception-applicant">
            <Typography id="reception-applicant" variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mb: 1.5 }}>
              {t('dossiers.reception.applicant')}
            </Typography>
            <Stack spacing={2}>
              <TextField
                label={t('dossiers.reception.scan')}
                value={scan}
                onChange={(e) => {
                  setScan(e.target.value);
                  setScanError('');
                }}
                onKeyDown={onScanKeyDown}
                inputRef={scanRef}
                size="small"
                autoComplete="off"
                {...fieldHelp({ hint: t('dossiers.reception.scanHint'), error: scanError })}
                slotProps={{
                  htmlInput: { 'data-testid': 'reception-scan', spellCheck: false },
                  input: {
                    startAdornment: (
                      <InputAdornment position="start">
                        <QrCodeScannerIcon fontSize="small" />
                      </InputAdornment>
                    ),
                  },
                }}
              />
              {scannedName && (
                <Alert severity="success" data-testid="reception-scanned" onClose={() => setScannedName('')}>
                  {t('dossiers.reception.scanned', { name: scannedName })}
                </Alert>
              )}
              <TextField
                label={t('dossiers.fields.fullName')}
                required
                inputRef={nameRef}
                autoComplete="off"
                {...textField(fullName, setFullName)}
                {...fieldHelp({ error: message('applicant.fullName') })}
                slotProps={{ htmlInput: { 'data-testid': 'reception-full-name', maxLength: LIMITS.name } }}
              />
              <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr' } }}>
                <TextField
                  label={t('dossiers.fields.nationalId')}
                  autoComplete="off"
                  {...textField(nationalId, setNationalId)}
                  {...fieldHelp({ error: message('applicant.nationalId') })}
                  slotProps={{ htmlInput: { 'data-testid': 'reception-national-id', inputMode: 'numeric' } }}
                />
                <TextField
                  label={t('dossiers.fields.phone')}
                  required
                  inputRef={phoneRef}
                  autoComplete="off"
                  {...textField(phone, setPhone)}
                  {...fieldHelp({ error: message('applicant.phone') })}
                  slotProps={{ htmlInput: { 'data-testid': 'reception-phone', inputMode: 'tel' } }}
                />
              </Box>
              <TextField
                label={t('dossiers.fields.address')}
                autoComplete="off"
                {...textField(address, setAddress)}
                {...fieldHelp({ error: message('applicant.address') })}
                slotProps={{ htmlInput: { 'data-testid': 'reception-address', maxLength: LIMITS.address } }}
              />
              <TextField
                label={t('dossiers.fields.email')}
                type="email"
                autoComplete="off"
                {...textField(email, setEmail)}
                {...fieldHelp({ error: message('applicant.email') })}
                slotProps={{ htmlInput: { 'data-testid': 'reception-email' } }}
              />
            </Stack>
          </Paper>
        </Stack>
        <Stack spacing={2}>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="reception-components">
            <Typography id="reception-components" variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mb: 0.5 }}>
              {t('dossiers.reception.components')}
            </Typography>
            {!procedure ? (
              <Typography variant="body2" color="text.secondary">
                {t('dossiers.reception.noProcedure')}
              </Typography>
            ) : (
              <>
                <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
                  {t('dossiers.reception.componentsHint')}
                </Typography>
                <Stack divider={<Divider flexItem />} data-testid="reception-components-list">
                  {procedure.components.map((c) => {
                    const tick = ticks[c.id] ?? { received: false, digitised: false };
                    const set = (patch: Partial<Tick>) => setTicks((all) => ({ ...all, [c.id]: { ...tick, ...patch } }));
                    return (
                      <Box key={c.id} sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, py: 0.5 }} data-testid="reception-component">
                        <Checkbox
                          checked={tick.received}
                          onChange={(e) => set({ received: e.target.checked, digitised: e.target.checked && tick.digitised })}
                          slotProps={{ input: { 'aria-label': `${t('dossiers.reception.received')}: ${c.name}`, 'data-testid': 'reception-component-received' } as object }}
                          sx={{ p: 0.5 }}
                        />
                        <Box sx={{ flex: 1, minWidth: 0, pt: 0.5 }}>
                          <Typography variant="body2">
                            {c.name}
                            {!c.required && (
                              <Typography component="span" variant="body2" color="text.secondary">
                                {` (${t('dossiers.reception.optional')})`}
                              </Typography>
                            )}
                          </Typography>
                          <Typography variant="caption" color="text.secondary">
                            {t('dossiers.reception.copies', { originals: c.originals, copies: c.copies })}
                          </Typography>
                        </Box>
                        <FormControlLabel
                          control={
                            <Checkbox
                              size="small"
                              checked={tick.digitised}
                              disabled={!tick.received}
                              onChange={(e) => set({ digitised: e.target.checked })}
                              slotProps={{ input: { 'data-testid': 'reception-component-digitised' } as object }}
                            />
                          }
                          label={<Typography variant="caption">{t('dossiers.reception.digitised')}</Typography>}
                          sx={{ mr: 0, whiteSpace: 'nowrap' }}
                        />
                      </Box>
                    );
                  })}
                </Stack>
                {message('components') && (
                  <Typography variant="caption" color="error" role="alert">
                    {message('components')}
                  </Typography>
                )}
              </>
            )}
          </Paper>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Stack spacing={2}>
              <TextField
                select
                label={t('dossiers.reception.channel')}
                value={channel}
                onChange={(e) => setChannel(e.target.value as DossierChannel)}
                {...fieldHelp({ error: message('channel'), hint: !postalChannelsAllowed ? t('dossiers.reception.notByPost') : undefined })}
                slotProps={{ htmlInput: { 'data-testid': 'reception-channel' } }}
              >
                {RECEPTION_CHANNELS.map((c) => (
                  <MenuItem key={c} value={c} disabled={(c === 'AT_DESK' && !isClerk) || (c !== 'AT_DESK' && !postalChannelsAllowed)}>
                    {t(`dossiers.channel.${c}`)}
                  </MenuItem>
                ))}
              </TextField>
              {channel !== 'AT_DESK' && (
                <PostOfficePicker label={t('dossiers.fields.postOffice')} value={postOffice} onChange={setPostOffice} error={message('postOfficeId')} testId="reception-post-office" />
              )}
              <TextField
                select
                label={t('dossiers.reception.delivery')}
                value={delivery}
                onChange={(e) => setDelivery(e.target.value as ResultDelivery)}
                {...fieldHelp({ error: message('resultDelivery') })}
                slotProps={{ htmlInput: { 'data-testid': 'reception-delivery' } }}
              >
                <MenuItem value="AT_DESK">{t('dossiers.delivery.AT_DESK')}</MenuItem>
                <MenuItem value="BY_POST" disabled={!byPostAllowed}>
                  {t('dossiers.delivery.BY_POST')}
                </MenuItem>
              </TextField>
              {delivery === 'BY_POST' && (
                <TextField
                  label={t('dossiers.fields.deliveryAddress')}
                  required
                  value={shownDeliveryAddress}
                  onChange={(e) => setDeliveryAddress(e.target.value)}
                  {...fieldHelp({ error: message('deliveryAddress') })}
                  slotProps={{ htmlInput: { 'data-testid': 'reception-delivery-address', maxLength: LIMITS.address } }}
                />
              )}
            </Stack>
          </Paper>
          <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="reception-summary" data-testid="reception-summary">
            <Typography id="reception-summary" variant="h3" sx={{ fontSize: '1rem', fontWeight: 500, mb: 1 }}>
              {t('dossiers.reception.summary')}
            </Typography>
            <SummaryLine label={t('dossiers.fields.procedureFee')} value={procedure ? money(procedureFee) : '—'} testId="reception-procedure-fee" />
            <SummaryLine label={t('dossiers.fields.postalFee')} value={procedure ? money(postalFee) : '—'} testId="reception-postal-fee" />
            <SummaryLine label={t('dossiers.fields.totalFee')} value={procedure ? money(procedureFee + postalFee) : '—'} testId="reception-total-fee" strong />
            <Divider sx={{ my: 1 }} />
            <SummaryLine
              label={t('dossiers.fields.processingTime')}
              value={procedure ? t(`dossiers.processingTime.${procedure.processingUnit}`, { count: procedure.processingTime }) : '—'}
              testId="reception-processing-time"
            />
            <SummaryLine label={t('dossiers.reception.dueAt')} value={dueAt ? formatDateTime(dueAt) : due.loading ? '…' : '—'} testId="reception-due-at" strong />
            <Typography variant="caption" color="text.secondary">
              {t('dossiers.reception.dueNote')}
            </Typography>
            <Button type="submit" variant="contained" size="large" fullWidth disabled={busy} sx={{ mt: 2 }} data-testid="reception-save">
              {t('dossiers.reception.save')}
            </Button>
          </Paper>
        </Stack>
      </Box>
    </Box>
  );
}

function SummaryLine({ label, value, testId, strong }: { label: string; value: string; testId: string; strong?: boolean }) {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, py: 0.25 }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontWeight: strong ? 600 : 400, fontVariantNumeric: 'tabular-nums', textAlign: 'right' }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );
}

/** After saving: the code and due day in large print, the receipt to print (focused: Enter prints), the next reception. */
function ReceptionDone({ dossier, onNext }: { dossier: DossierDetailFragment; onNext: () => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [printing, setPrinting] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const print = async () => {
    setPrinting(true);
    setProblem(null);
    try {
      await printDossierForm(client, dossier.id, 'RECEIPT');
    } catch (error) {
      setProblem(apiProblem(error));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Paper variant="outlined" sx={{ p: { xs: 2, sm: 3 }, maxWidth: 720 }} data-testid="reception-done">
      <Alert severity="success" sx={{ mb: 2 }}>
        {t('dossiers.reception.savedTitle')}
      </Alert>
      <Typography variant="overline" color="text.secondary" component="div">
        {t('dossiers.fields.code')}
      </Typography>
      <Typography sx={{ fontFamily: '"Roboto Mono", monospace', fontSize: { xs: '1.25rem', sm: '1.75rem' }, fontWeight: 500, overflowWrap: 'anywhere' }} data-testid="reception-code">
        {dossier.code}
      </Typography>
      <Typography variant="body1" sx={{ mt: 1 }} data-testid="reception-due">
        {t('dossiers.reception.dueOn', { date: formatDate(dossier.dueDate) })}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
        {dossier.applicant.fullName} · {dossier.procedure.name}
      </Typography>
      {problem && (
        <Box sx={{ mt: 2 }}>
          <ProblemAlert problem={problem} />
        </Box>
      )}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1.5} sx={{ mt: 3 }}>
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => void print()} disabled={printing} autoFocus data-testid="reception-print">
          {printing ? t('dossiers.page.printing') : t('dossiers.reception.print')}
        </Button>
        <Button variant="outlined" startIcon={<AddIcon />} onClick={onNext} data-testid="reception-next">
          {t('dossiers.reception.next')}
        </Button>
        <Button component={RouterLink} to={`/dossiers/${dossier.id}`} data-testid="reception-open">
          {t('dossiers.reception.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
