import type { TAuditReference } from '@tahkim/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../locale/use-locale';
import { isKnownAction, isKnownEntityType, isKnownFamily } from './audit-labels';
import { AuditDescriber, type Translate } from './describe-event';

/** Human words for actions, families and entity types; an unknown code is shown as it is. */
export function useAuditLabels() {
  const { t } = useTranslation('audit');
  return {
    action: (action: string) => (isKnownAction(action) ? t(`actions.${action}`) : action),
    family: (family: string) => t('filters.family', { family: isKnownFamily(family) ? t(`families.${family}`) : `${family}.*` }),
    entityType: (entityType: string) => (isKnownEntityType(entityType) ? t(`entityTypes.${entityType}`) : entityType),
  };
}

/** Turns the entries of a page of the trail into sentences in the reader's language, naming what their ids point to. */
export function useAuditDescriber(references: Readonly<Record<string, TAuditReference>>): AuditDescriber {
  const { t } = useTranslation('audit');
  const { locale } = useLocale();
  return useMemo(() => new AuditDescriber(t as unknown as Translate, locale, references), [t, locale, references]);
}
