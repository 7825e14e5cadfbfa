import { PROGRAMME_LIMITS } from '@tahkim/contracts';
import { newIndicator } from '../programme-form-values';
import { IndicatorCard } from './indicator-card';
import { ProgrammeListSection, type ProgrammeListConfig } from './programme-list-section';

const INDICATORS: ProgrammeListConfig<'indicators'> = {
  list: 'indicators',
  Card: IndicatorCard,
  limit: PROGRAMME_LIMITS.indicators,
  newItem: newIndicator,
  summary: { key: 'indicators.withTarget', count: (indicators) => indicators.filter((indicator) => indicator.target !== null && indicator.target !== undefined).length },
};

/** The programme's indicators, in order, with how many have a target. */
export function IndicatorsSection() {
  return <ProgrammeListSection config={INDICATORS} />;
}
