import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryRowFragment } from '../../graphql/generated';
import { DEMO_SEED_LABEL, enumLabelsOf, humanise, isAuditEntityType, verbOf } from './labels';

type Actor = Pick<AuditEntryRowFragment, 'actorKind' | 'actorLabel' | 'actorName'>;

/**
 * The trail's vocabulary (i18n/audit.*.json and the app's enum labels). Whatever the UI has no label
 * for is humanised ("plannedEnd" → "Planned end"), never shown as the API wrote it.
 */
export function useAuditLabels() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    // Keys built from what the API wrote: looked up, not typed.
    const text = (key: string): string | null => (i18n.exists(key) ? (t as unknown as (k: string) => string)(key) : null);
    const entityTypeLabel = (entityType: string) => (isAuditEntityType(entityType) ? t(`audit.entityTypes.${entityType}`) : humanise(entityType));
    return {
      entityTypeLabel,
      /** An action's own label when a verb alone would mislead ("shift.move": Chuyển ca trực, not Chuyển đơn vị), else its verb's. */
      actionLabel: (action: string) => {
        const own = text(`audit.actionLabels.${action}`);
        if (own) return own;
        const verb = verbOf(action);
        return verb ? t(`audit.verbs.${verb}`) : humanise(action.slice(action.lastIndexOf('.') + 1));
      },
      /** A field of a record of `entityType`: its own label, the shared one, or the name humanised. */
      fieldLabel: (entityType: string, field: string) => text(`audit.fields.${entityType}.${field}`) ?? text(`audit.fields.shared.${field}`) ?? humanise(field),
      /** Whether the UI has a label of its own for the field (the unit tests hold every audited field to it). */
      hasFieldLabel: (entityType: string, field: string) => i18n.exists(`audit.fields.${entityType}.${field}`) || i18n.exists(`audit.fields.shared.${field}`),
      /** An enum value of a field, through the app's labels; null when the field holds no enum. */
      enumLabel: (entityType: string, field: string, value: string): string | null => {
        const prefix = enumLabelsOf(entityType, field);
        return prefix ? (text(`${prefix}.${value}`) ?? humanise(value)) : null;
      },
      booleanLabel: (value: boolean) => t(value ? 'audit.values.true' : 'audit.values.false'),
      /** Who wrote an entry: a person by name and username, a portal's client by its name; the system and the demo data by what they are. */
      actorLabel: (entry: Actor) => {
        if (entry.actorKind === 'API_CLIENT') return t('audit.actors.API_CLIENT', { name: entry.actorName ?? entry.actorLabel });
        if (entry.actorKind !== 'USER') return t(`audit.actors.${entry.actorKind}`);
        return entry.actorName ? t('audit.actors.user', { name: entry.actorName, username: entry.actorLabel }) : entry.actorLabel;
      },
    };
  }, [t, i18n]);
}

export type AuditLabels = ReturnType<typeof useAuditLabels>;

/**
 * The name of whoever wrote a history line that records only a label (a site's status moves, a
 * phase's re-plans, a readiness tick): the demo seed reads "Dữ liệu mẫu", never a person called seed.
 */
export function useActorText() {
  const { t } = useTranslation();
  return useMemo(() => (label: string | null | undefined) => (label === DEMO_SEED_LABEL ? t('audit.actors.DEMO_SEED') : (label ?? '')), [t]);
}
