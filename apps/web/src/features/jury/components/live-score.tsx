import { Paper, Progress, Stack, Text } from '@mantine/core';
import type { TCriterion } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/use-locale';
import { formatScore, liveScore, missingCriteria, type ScorecardDraft } from '../scorecard-state';

/** The weighted score (DESIGN.md rule 1, 0–100, one decimal) as the juror types; provisional while incomplete. */
export function LiveScore({ criteria, draft }: { criteria: readonly TCriterion[]; draft: Pick<ScorecardDraft, 'values'> }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const score = liveScore(criteria, draft);
  const scored = criteria.length - missingCriteria(criteria, draft).length;

  return (
    <Paper withBorder radius="md" p="md" className="live-score" aria-live="polite">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {t('scorecard.weightedScore')}
        </Text>
        <Text fz={28} fw={800} lh={1} data-testid="live-score">
          {/* "48,6 / 100" reads left to right on an Arabic page too (not "100 / 48,6"). */}
          {score === null ? t('scorecard.noScore') : <bdi dir="ltr">{t('scorecard.scoreOutOf', { score: formatScore(score, locale) })}</bdi>}
        </Text>
        <Progress value={score ?? 0} size="sm" aria-hidden="true" />
        {scored < criteria.length ? (
          <Text size="xs" c="dimmed">
            {t('scorecard.provisional', { scored, total: criteria.length })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
