import type { TFormDefinition, TProgrammeIndicator } from '@tahkim/contracts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/number-format';
import { localized } from '../calls/call-text';
import { useLocale } from '../locale/use-locale';
import { draftForm, type IndicatorWording } from './report-draft';

/**
 * The report's questions and, last, one number per indicator: its label and unit in the reader's language
 * (another language's when staff left it blank), the programme's target and how values add up as help.
 */
export function useDraftForm(definition: TFormDefinition, indicators: readonly TProgrammeIndicator[]): TFormDefinition {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  return useMemo(() => {
    const word = (indicator: TProgrammeIndicator): IndicatorWording => {
      const label = localized(indicator.label, locale);
      const unit = localized(indicator.unit, locale);
      const help = [
        indicator.target === null
          ? ''
          : unit
            ? t('indicators.targetWithUnit', { target: formatNumber(indicator.target, locale), unit })
            : t('indicators.target', { target: formatNumber(indicator.target, locale) }),
        t(`indicators.aggregation.${indicator.aggregation}`),
        indicator.direction === 'LOWER_IS_BETTER' ? t('indicators.lowerIsBetter') : '',
      ];
      return { label: unit ? t('indicators.labelWithUnit', { label, unit }) : label, help: help.filter(Boolean).join(' ') };
    };
    return draftForm(definition, indicators, { title: t('indicators.title'), description: t('indicators.intro') }, word);
  }, [definition, indicators, locale, t]);
}
