import type { TDecisionRound } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { isDefaultRoundName } from '../decision-view';

/** How the decisions page names a round: "tour 2 « Vote final »", or "tour 2" when its name is only its number. */
export function useRoundLabel(): (round: Pick<TDecisionRound, 'number' | 'name'>) => string {
  const { t } = useTranslation('decisions');
  const { locale } = useLocale();
  return (round) => {
    const name = localized(round.name, locale);
    return isDefaultRoundName(name, t('page.roundDefaultName', { number: round.number }))
      ? t('source.roundNumber', { number: round.number })
      : t('source.roundName', { number: round.number, round: name });
  };
}
