import { NativeSelect, Stack, Text } from '@mantine/core';
import type { TDecisionRound } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { laterRoundsWithoutResults, roundsWithResults, type RankingSource as Source } from '../decision-view';
import { useRoundLabel } from './use-round-label';

interface RankingSourceProps {
  rounds: readonly TDecisionRound[];
  round: TDecisionRound | null;
  source: Source | null;
  onChoose: (roundId: string) => void;
}

/** Which round's results the table shows and why, with a choice among the rounds that have results. */
export function RankingSource({ rounds, round, source, onChoose }: RankingSourceProps) {
  const { t } = useTranslation('decisions');
  const { locale } = useLocale();
  const named = useRoundLabel();
  if (!round) {
    return (
      <Text size="sm" data-testid="ranking-source">
        {t('source.none')}
      </Text>
    );
  }
  const choices = roundsWithResults(rounds);
  const latest = choices[0]!;
  const later = laterRoundsWithoutResults(rounds, round);
  const what =
    round.type === 'BALLOT'
      ? t('source.BALLOT', { round: named(round), count: round.results })
      : t('source.SCORING', { round: named(round), method: t(`source.methods.${source?.kind === 'SCORING' ? source.method : round.method === 'MEAN' ? 'mean' : 'normalised'}`), count: round.results });
  const why = round.id === latest.id ? t('source.latest') : t('source.chosen', { round: named(latest) });

  return (
    <Stack gap={6}>
      <Text size="sm" data-testid="ranking-source">
        {what} {why}
        {later.length > 0 ? ` ${t('source.laterEmpty', { rounds: formatList(later.map(named), locale) })}` : null}
      </Text>
      <Text size="xs" c="dimmed">
        {t('source.notInRound')}
      </Text>
      {choices.length > 1 ? (
        <NativeSelect
          label={t('source.pick')}
          data={choices.map((r) => ({ value: r.id, label: t('source.option', { round: named(r), kind: t(`source.kinds.${r.type}`) }) }))}
          value={round.id}
          onChange={(event) => onChoose(event.currentTarget.value)}
          w={{ base: '100%', sm: 420 }}
        />
      ) : null}
    </Stack>
  );
}
