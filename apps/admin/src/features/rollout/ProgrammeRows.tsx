import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@apollo/client/react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useAutocompleteTexts } from '../../components/autocomplete';
import { DateField, dayProblem } from '../../components/DateField';
import { formatDate } from '../../dates';
import { ProvinceOptionsDocument, type CommitteeRole } from '../../graphql/generated';
import { rowPaths } from '../../hooks/useFormState';
import { RowList } from './ProgrammeForms';
import { fieldHelp } from '../../components/FieldHelp';
import { chooseInput } from '../../components/choose';
import { LIMITS } from '../../limits';

export const COMMITTEE_ROLES: readonly CommitteeRole[] = ['HEAD', 'DEPUTY_HEAD', 'MEMBER', 'SECRETARY'];

export interface LegalDocumentRow {
  number: string;
  signedOn: string;
  issuer: string;
  title: string;
}

export interface CommitteeRow {
  fullName: string;
  position: string;
  committeeRole: CommitteeRole;
}

export const blankDocument = (): LegalDocumentRow => ({ number: '', signedOn: '', issuer: '', title: '' });
export const blankMember = (): CommitteeRow => ({ fullName: '', position: '', committeeRole: 'MEMBER' });

type Translate = TFunction;

/** The form's own checks of the legal documents (`legalBasis.<i>.<field>`). */
function legalBasisProblems(rows: readonly LegalDocumentRow[], t: Translate): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  rows.forEach((row, i) => {
    if (!row.number.trim()) out[`legalBasis.${i}.number`] = t('form.required');
    out[`legalBasis.${i}.signedOn`] = dayProblem(row.signedOn, true, t);
    if (!row.issuer.trim()) out[`legalBasis.${i}.issuer`] = t('form.required');
    if (!row.title.trim()) out[`legalBasis.${i}.title`] = t('form.required');
  });
  return out;
}

function committeeProblems(rows: readonly CommitteeRow[], t: Translate): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  rows.forEach((row, i) => {
    if (!row.fullName.trim()) out[`committee.${i}.fullName`] = t('form.required');
    if (!row.position.trim()) out[`committee.${i}.position`] = t('form.required');
  });
  return out;
}

const DOCUMENT_FIELDS = ['number', 'signedOn', 'issuer', 'title'] as const;
const MEMBER_FIELDS = ['fullName', 'position', 'committeeRole'] as const;

const trimDocuments = (rows: readonly LegalDocumentRow[]) =>
  rows.map((r) => ({ number: r.number.trim(), signedOn: r.signedOn, issuer: r.issuer.trim(), title: r.title.trim() }));
const trimMembers = (rows: readonly CommitteeRow[]) => rows.map((r) => ({ fullName: r.fullName.trim(), position: r.position.trim(), committeeRole: r.committeeRole }));

/**
 * The legal basis and steering committee of a programme form (create and edit): their rows, the
 * form's checks of them, their field paths, the input they send and their two editors.
 */
export function useProgrammeRows(initial: { legalBasis: LegalDocumentRow[]; committee: CommitteeRow[] }) {
  const { t } = useTranslation();
  const [documents, setDocuments] = useState<LegalDocumentRow[]>(initial.legalBasis);
  const [members, setMembers] = useState<CommitteeRow[]>(initial.committee);
  return {
    documents,
    problems: () => ({ ...legalBasisProblems(documents, t), ...committeeProblems(members, t) }),
    fields: [...rowPaths('legalBasis', documents.length, DOCUMENT_FIELDS), ...rowPaths('committee', members.length, MEMBER_FIELDS)],
    input: () => ({ legalBasis: trimDocuments(documents), committee: trimMembers(members) }),
    editors: (message: (field: string) => string | undefined) => (
      <>
        <LegalBasisRows rows={documents} onChange={setDocuments} message={message} />
        <CommitteeRows rows={members} onChange={setMembers} message={message} />
      </>
    ),
  };
}

interface RowsProps<R> {
  rows: readonly R[];
  onChange: (rows: R[]) => void;
  message: (field: string) => string | undefined;
}

/** Căn cứ pháp lý: number, day, issuer and summary of each decision, the provincial one first. */
function LegalBasisRows({ rows, onChange, message }: RowsProps<LegalDocumentRow>) {
  const { t } = useTranslation();
  const grid = { display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '1fr 180px 1.4fr' } };
  return (
    <RowList
      title={t('rollout.programmes.fields.legalBasis')}
      rows={rows}
      onChange={onChange}
      blank={blankDocument}
      addLabel={t('rollout.programmes.addDocument')}
      emptyText={t('rollout.programmes.noDocumentsYet')}
      removeLabel={(i) => t('rollout.programmes.removeDocument', { index: i + 1 })}
      error={message('legalBasis')}
      testId="legal-basis"
      renderRow={(row, i, update) => (
        <Box sx={grid}>
          <TextField
            size="small"
            label={t('rollout.programmes.fields.number')}
            placeholder="2459/QĐ-UBND"
            value={row.number}
            onChange={(e) => update({ number: e.target.value })}
            required
            {...fieldHelp({ error: message(`legalBasis.${i}.number`), max: LIMITS.number })}
            slotProps={{ htmlInput: { 'data-testid': `legal-basis-${i}-number`, spellCheck: false } }}
          />
          <DateField
            size="small"
            label={t('rollout.programmes.fields.signedOn')}
            value={row.signedOn}
            onChange={(signedOn) => update({ signedOn })}
            required
            error={message(`legalBasis.${i}.signedOn`)}
            testId={`legal-basis-${i}-signedOn`}
          />
          <TextField
            size="small"
            label={t('rollout.programmes.fields.issuer')}
            placeholder={t('rollout.programmes.issuerExample')}
            value={row.issuer}
            onChange={(e) => update({ issuer: e.target.value })}
            required
            {...fieldHelp({ error: message(`legalBasis.${i}.issuer`), max: LIMITS.short })}
            slotProps={{ htmlInput: { 'data-testid': `legal-basis-${i}-issuer` } }}
          />
          <TextField
            size="small"
            label={t('rollout.programmes.fields.title')}
            value={row.title}
            onChange={(e) => update({ title: e.target.value })}
            required
            multiline
            {...fieldHelp({ error: message(`legalBasis.${i}.title`), max: LIMITS.title, value: row.title })}
            sx={{ gridColumn: '1 / -1' }}
            slotProps={{ htmlInput: { 'data-testid': `legal-basis-${i}-title` } }}
          />
        </Box>
      )}
    />
  );
}

/** Ban Chỉ đạo: name, position and role of each member. */
function CommitteeRows({ rows, onChange, message }: RowsProps<CommitteeRow>) {
  const { t } = useTranslation();
  const grid = { display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: '1fr 1.2fr 180px' } };
  return (
    <RowList
      title={t('rollout.programmes.fields.committee')}
      rows={rows}
      onChange={onChange}
      blank={blankMember}
      addLabel={t('rollout.programmes.addMember')}
      emptyText={t('rollout.programmes.noMembersYet')}
      removeLabel={(i) => t('rollout.programmes.removeMember', { index: i + 1 })}
      error={message('committee')}
      testId="committee"
      renderRow={(row, i, update) => (
        <Box sx={grid}>
          <TextField
            size="small"
            label={t('rollout.programmes.fields.fullName')}
            value={row.fullName}
            onChange={(e) => update({ fullName: e.target.value })}
            required
            {...fieldHelp({ error: message(`committee.${i}.fullName`), max: LIMITS.short })}
            slotProps={{ htmlInput: { 'data-testid': `committee-${i}-fullName` } }}
          />
          <TextField
            size="small"
            label={t('rollout.programmes.fields.position')}
            placeholder={t('rollout.programmes.positionExample')}
            value={row.position}
            onChange={(e) => update({ position: e.target.value })}
            required
            {...fieldHelp({ error: message(`committee.${i}.position`), max: LIMITS.short })}
            slotProps={{ htmlInput: { 'data-testid': `committee-${i}-position` } }}
          />
          <TextField
            select
            size="small"
            label={t('rollout.programmes.fields.committeeRole')}
            value={row.committeeRole}
            onChange={(e) => update({ committeeRole: e.target.value as CommitteeRole })}
            {...fieldHelp({ error: message(`committee.${i}.committeeRole`) })}
          >
            {COMMITTEE_ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {t(`rollout.labels.committeeRole.${role}`)}
              </MenuItem>
            ))}
          </TextField>
        </Box>
      )}
    />
  );
}

/** Lower case without Vietnamese diacritics, for matching what is typed ("ha tinh" finds "Hà Tĩnh"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

interface ProvinceOption {
  code: string;
  name: string;
  validTo?: string | null;
}

interface ProvinceFieldProps {
  value: string;
  onChange: (code: string) => void;
  error?: string;
  testId?: string;
}

/**
 * The province of a programme, by code: every province, current and former (a programme decided by
 * Bình Phước in 2018 keeps Bình Phước, code 70, after the 2025 merge into Đồng Nai).
 */
export function ProgrammeProvinceField({ value, onChange, error, testId }: ProvinceFieldProps) {
  const { t } = useTranslation();
  const texts = useAutocompleteTexts();
  const { data, loading } = useQuery(ProvinceOptionsDocument);
  const [input, setInput] = useState('');
  const options = useMemo<ProvinceOption[]>(() => (data?.administrativeUnits.edges ?? []).map(({ node }) => node), [data]);
  const selected = options.find((o) => o.code === value) ?? null;
  return (
    <Autocomplete<ProvinceOption>
      value={selected}
      onChange={(_e, next) => onChange(next?.code ?? '')}
      inputValue={input}
      onInputChange={(_e, text) => setInput(text)}
      options={options}
      loading={loading}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      filterOptions={(list, state) => {
        const q = fold(state.inputValue.trim());
        return q ? list.filter((o) => fold(o.name).includes(q) || o.code === q) : list;
      }}
      {...texts}
      renderOption={(props, o) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest}>
            <div>
              <Typography variant="body2">{o.name}</Typography>
              <Typography variant="caption" color="text.secondary">
                {[t('organisation.codeValue', { code: o.code }), o.validTo ? t('rollout.programmes.provinceUntil', { date: formatDate(o.validTo) }) : null]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography>
            </div>
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('rollout.programmes.fields.province')}
          required
          {...fieldHelp({ hint: t('rollout.programmes.provinceHint'), error })}
          placeholder={chooseInput(t, params).placeholder}
          slotProps={{ ...params.slotProps, inputLabel: chooseInput(t, params).inputLabel, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId } }}
        />
      )}
    />
  );
}
