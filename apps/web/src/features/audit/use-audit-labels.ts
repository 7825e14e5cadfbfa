import { useTranslation } from 'react-i18next';
import { isKnownAction, isKnownEntityType, isKnownFamily } from './audit-labels';

/** Human words for actions, families and entity types; an unknown code is shown as it is. */
export function useAuditLabels() {
  const { t } = useTranslation('audit');
  return {
    action: (action: string) => (isKnownAction(action) ? t(`actions.${action}`) : action),
    family: (family: string) => t('filters.family', { family: isKnownFamily(family) ? t(`families.${family}`) : `${family}.*` }),
    entityType: (entityType: string) => (isKnownEntityType(entityType) ? t(`entityTypes.${entityType}`) : entityType),
  };
}
