import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isAuditEntityType, verbOf } from './labels';

/** Labels of the trail's entity types and actions; what the UI does not know shows as the API wrote it. */
export function useAuditLabels() {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      entityTypeLabel: (entityType: string) => (isAuditEntityType(entityType) ? t(`administration.audit.entityTypes.${entityType}`) : entityType),
      actionLabel: (action: string) => {
        const verb = verbOf(action);
        return verb ? t(`administration.audit.verbs.${verb}`) : action;
      },
    }),
    [t],
  );
}
