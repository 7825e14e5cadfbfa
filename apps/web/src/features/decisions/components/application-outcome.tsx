import { Alert, Blockquote, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import type { TApplicationFeedback, TApplicationOutcome } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { formatNumber } from '../../results/numbers';
import { applicationOutcomeQuery } from '../queries';
import '../decisions.css';

/** Where a mean sits on its criterion's scale, in percent (0 at the scale's minimum). */
export function scaleShare(mean: number, scaleMin: number, scaleMax: number): number {
  if (scaleMax <= scaleMin) return 0;
  return Math.min(100, Math.max(0, ((mean - scaleMin) / (scaleMax - scaleMin)) * 100));
}

function Feedback({ feedback }: { feedback: TApplicationFeedback }) {
  const { t } = useTranslation('decisions');
  const { locale } = useLocale();
  if (feedback.criteria.length === 0 && feedback.comments.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('applicant.feedbackEmpty')}
      </Text>
    );
  }
  return (
    <Stack gap="md">
      {feedback.criteria.length > 0 ? (
        <Stack gap="xs">
          <Text fw={600} id="feedback-criteria-title">
            {t('applicant.criteriaTitle')}
          </Text>
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="feedback-criteria-title">
          {feedback.criteria.map((criterion, index) => {
            const label = localized(criterion.label, locale);
            const mean = formatNumber(criterion.mean, locale, 1);
            return (
              <Stack key={index} gap={2} component="li" data-testid="feedback-criterion">
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <Text size="sm">{label}</Text>
                  <Text size="sm" fw={700} dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {t('applicant.mean', { mean, max: criterion.scaleMax })}
                  </Text>
                </Group>
                <Progress
                  value={scaleShare(criterion.mean, criterion.scaleMin, criterion.scaleMax)}
                  size="sm"
                  color="tahkim"
                  aria-label={t('applicant.meanOnScale', { label, mean, min: criterion.scaleMin, max: criterion.scaleMax })}
                />
              </Stack>
            );
          })}
          </Stack>
        </Stack>
      ) : null}
      {feedback.comments.length > 0 ? (
        <Stack gap="xs">
          <Text fw={600}>{t('applicant.commentsTitle')}</Text>
          <List spacing="xs" size="sm" data-testid="feedback-comments">
            {feedback.comments.map((comment, index) => (
              <List.Item key={index}>
                <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                  {comment}
                </Text>
              </List.Item>
            ))}
          </List>
          <Text size="xs" c="dimmed">
            {t('applicant.commentsHint')}
          </Text>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** The published outcome as the applicant reads it: in plain words, with the team's message and, if shared, the jury's feedback. */
export function OutcomeCard({ outcome }: { outcome: TApplicationOutcome }) {
  const { t } = useTranslation('decisions');
  const { locale } = useLocale();
  if (!outcome.published || !outcome.outcome) return null;
  const winner = outcome.outcome === 'WINNER';

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="application-outcome-title" data-testid="application-outcome">
      <Stack gap="md">
        <Alert color={winner ? 'green' : 'gray'} variant="light" p="md">
          <Stack gap={6}>
            <Title order={2} size="h3" id="application-outcome-title">
              {t(`applicant.title.${outcome.outcome}`)}
            </Title>
            <Text>{t(`applicant.body.${outcome.outcome}`)}</Text>
            {outcome.publishedAt ? (
              <Text size="sm" c="dimmed">
                {t('applicant.publishedOn', { date: formatDate(outcome.publishedAt, locale) })}
              </Text>
            ) : null}
          </Stack>
        </Alert>
        {outcome.message ? (
          <Stack gap={4}>
            <Text fw={600}>{t('applicant.messageTitle')}</Text>
            <Blockquote color="tahkim" p="sm" dir="auto" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
              {outcome.message}
            </Blockquote>
          </Stack>
        ) : null}
        {outcome.feedback ? (
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('applicant.feedbackTitle')}
            </Title>
            <Feedback feedback={outcome.feedback} />
          </Stack>
        ) : null}
      </Stack>
    </Card>
  );
}

/** The applicant's application page shows this once the decision is published; before, nothing about it. */
export function ApplicationOutcome({ applicationId }: { applicationId: string }) {
  const outcome = useQuery(applicationOutcomeQuery(applicationId));
  // A failure to load the outcome must not hide the application itself: the card simply does not show.
  if (!outcome.data) return null;
  return <OutcomeCard outcome={outcome.data} />;
}
