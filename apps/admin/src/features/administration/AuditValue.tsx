import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { AuditEntryRowFragment } from '../../graphql/generated';
import { formatDate, formatDateTime, isIsoDate } from '../../dates';
import { DEMO_SEED_LABEL, recordHref, UUID } from './labels';
import type { AuditLabels } from './useAuditLabels';

export type AuditReference = AuditEntryRowFragment['references'][number];

/** What a value needs to be read: the record it belongs to, the records the entry names, the labels. */
export interface ValueContext {
  entityType: string;
  references: ReadonlyMap<string, AuditReference>;
  labels: AuditLabels;
  onNavigate?: () => void;
}

/** Fields of a record nested in another (a meeting's action items) that repeat the outer record or are bookkeeping. */
const isBookkeeping = (field: string) => ['id', 'version', 'createdAt', 'updatedAt', 'seq'].includes(field) || /[a-z]Ids?$/.test(field);

/** A field that holds the id of a record (`id`, `agencyId`, `siteIds`). */
export const holdsIds = (field: string) => field === 'id' || /[a-z]Ids?$/.test(field);

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const numbers = new Intl.NumberFormat('vi-VN');
/** Fields holding a time of day, which the API's records keep as minutes since midnight. */
const TIME_OF_DAY_FIELDS: ReadonlySet<string> = new Set(['opensAt', 'closesAt', 'startsAt', 'endsAt']);

/** A value as plain text: enums, dates, yes/no and numbers as the app writes them; nested records as "label: value" lines. */
export function valueText(value: unknown, field: string, ctx: ValueContext, unknownRecord: string): string {
  const { labels, entityType } = ctx;
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => valueText(v, field, ctx, unknownRecord)).join('\n');
  if (typeof value === 'boolean') return labels.booleanLabel(value);
  if (typeof value === 'number') {
    // Times of day are kept as minutes since midnight (450 → 07:30); a weekday as 1–7 (Thứ Hai…).
    if (TIME_OF_DAY_FIELDS.has(field)) return `${String(Math.floor(value / 60)).padStart(2, '0')}:${String(value % 60).padStart(2, '0')}`;
    return labels.enumLabel(entityType, field, String(value)) ?? numbers.format(value);
  }
  if (typeof value === 'string') {
    if (UUID.test(value)) return ctx.references.get(value.toLowerCase())?.name ?? unknownRecord;
    const enumText = labels.enumLabel(entityType, field, value);
    if (enumText) return enumText;
    if (isIsoDate(value)) return formatDate(value);
    if (ISO_TIMESTAMP.test(value)) return formatDateTime(value) || value;
    if (field === 'doneBy' && value === DEMO_SEED_LABEL) return labels.actorLabel({ actorKind: 'DEMO_SEED', actorLabel: value });
    return value;
  }
  if (typeof value === 'object') {
    // A nested record (a committee member, a checklist state): "label: value" pairs, bookkeeping and empty fields left out.
    const entries = Object.entries(value as Record<string, unknown>).filter(([key, v]) => !isBookkeeping(key) && v !== null && v !== undefined && v !== '');
    const nested = entries.some(([, v]) => typeof v === 'object' && !Array.isArray(v));
    return entries
      .map(([key, v]) => `${labels.fieldLabel(entityType, key)}: ${valueText(v, key, ctx, unknownRecord).split('\n').join(nested ? '; ' : ', ')}`)
      .join(nested ? '\n' : '; ');
  }
  return String(value);
}

/** One record named by id: its name, linked to its page when it has one; a record the reader cannot see says so. */
export function RecordName({ id, ctx }: { id: string; ctx: ValueContext }) {
  const { t } = useTranslation();
  const ref = ctx.references.get(id.toLowerCase());
  if (!ref) {
    return (
      <Typography component="span" variant="body2" color="text.secondary" sx={{ fontStyle: 'italic' }}>
        {t('audit.unknownRecord')}
      </Typography>
    );
  }
  const href = recordHref(ref.entityType, ref.id);
  return href ? (
    <Link component={RouterLink} to={href} onClick={ctx.onNavigate} data-testid="audit-record-link">
      {ref.name}
    </Link>
  ) : (
    <>{ref.name}</>
  );
}

/** A value of the diff as an official reads it; null when absent. */
export function AuditValueText({ value, field, ctx }: { value: unknown; field: string; ctx: ValueContext }): ReactNode {
  const { t } = useTranslation();
  if (value === undefined || value === null) return null;
  const ids = holdsIds(field) ? (Array.isArray(value) ? value : [value]) : null;
  if (ids && ids.length > 0 && ids.every((v) => typeof v === 'string' && UUID.test(v))) {
    return (
      <Typography component="span" variant="body2">
        {(ids as string[]).map((id, i) => (
          <Fragment key={`${id}-${i}`}>
            {i > 0 && ', '}
            <RecordName id={id} ctx={ctx} />
          </Fragment>
        ))}
      </Typography>
    );
  }
  return (
    <Typography component="span" variant="body2" sx={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
      {valueText(value, field, ctx, t('audit.unknownRecord'))}
    </Typography>
  );
}
