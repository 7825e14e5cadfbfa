import { Alert, Badge, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { TAssignmentPlan } from '@tahkim/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/number-format';
import { useLocale } from '../../locale/use-locale';
import { PlanFigures, ShortfallList } from './auto-assign-result';
import { PlanApplicationName, PreviewPairsTable } from './preview-pairs-table';

/** Lists of applications are shortened to this many until staff ask for all. */
const SHORT_LIST = 10;

type PlanListKey = 'unmatched' | 'withoutTopic' | 'notReadByKnower';

/** Applications the plan flags (unmatched, without topic, not read by a knower), with their topics. */
function PlanApplicationList({ plan, which, topicLabel }: { plan: TAssignmentPlan; which: PlanListKey; topicLabel: (key: string) => string }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const [showAll, setShowAll] = useState(false);
  const ids = plan[which];
  const applications = new Map(plan.applications.map((application) => [application.id, application]));
  const shown = showAll ? ids : ids.slice(0, SHORT_LIST);
  return (
    <Stack gap={4} data-testid={`plan-${which}`}>
      <Text size="sm" fw={600}>
        {t(`assignment.preview.${which}`, { count: ids.length, total: formatNumber(ids.length, locale) })}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`assignment.preview.${which}Hint`)}
      </Text>
      <List size="sm" spacing={6} listStyleType="none" ps={0}>
        {shown.map((id) => {
          const application = applications.get(id);
          return (
            <List.Item key={id}>
              <PlanApplicationName application={application} />
              {application && application.topics.length > 0 ? (
                <Group gap={4} wrap="wrap" mt={2} aria-label={t('assignment.preview.topics')}>
                  {application.topics.map((key) => (
                    <Badge key={key} size="sm" variant="outline" tt="none">
                      <bdi>{topicLabel(key)}</bdi>
                    </Badge>
                  ))}
                </Group>
              ) : null}
            </List.Item>
          );
        })}
      </List>
      {ids.length > SHORT_LIST ? (
        <Group>
          <Button size="xs" variant="subtle" onClick={() => setShowAll((value) => !value)}>
            {showAll ? t('assignment.preview.showLess') : t('assignment.preview.showAll', { total: formatNumber(ids.length, locale) })}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

/**
 * What the automatic assignment would add, before anything is written: the figures, the applications
 * no juror of the round knows, the shortfalls, and each pair with its reasons; then confirm or cancel.
 */
export function AssignmentPreview({
  plan,
  topicLabel,
  notice,
  confirming,
  onConfirm,
  onCancel,
}: {
  plan: TAssignmentPlan;
  topicLabel: (key: string) => string;
  /** Why this preview replaced the one staff confirmed (the API's PLAN_CHANGED message), if it did. */
  notice: string | null;
  confirming: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const titleId = useId();
  const n = (value: number) => formatNumber(value, locale);

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id={titleId}>
            {t('assignment.preview.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('assignment.preview.intro')}
          </Text>
        </Stack>
        {notice ? (
          <Alert color="orange" variant="light" role="alert" title={t('assignment.preview.changedTitle')}>
            {notice}
          </Alert>
        ) : null}
        <Stack gap={4} data-testid="plan-summary">
          <Text fw={600}>
            {t('assignment.preview.toAdd', { count: plan.created, total: n(plan.created) })} ·{' '}
            {t('assignment.preview.kept', { count: plan.kept, total: n(plan.kept) })}
          </Text>
          <PlanFigures plan={plan} />
        </Stack>
        {plan.unmatched.length > 0 ? (
          <Alert color="orange" variant="light">
            <PlanApplicationList plan={plan} which="unmatched" topicLabel={topicLabel} />
          </Alert>
        ) : null}
        {plan.notReadByKnower.length > 0 ? <PlanApplicationList plan={plan} which="notReadByKnower" topicLabel={topicLabel} /> : null}
        {plan.withoutTopic.length > 0 ? <PlanApplicationList plan={plan} which="withoutTopic" topicLabel={topicLabel} /> : null}
        {plan.shortfalls.length > 0 ? (
          <Stack gap={4}>
            <ShortfallList shortfalls={plan.shortfalls} />
          </Stack>
        ) : null}
        {plan.pairs.length > 0 ? (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('assignment.preview.pairs.title')}
            </Title>
            <PreviewPairsTable plan={plan} topicLabel={topicLabel} />
          </Stack>
        ) : (
          <Text c="dimmed">{t('assignment.preview.nothingToAdd')}</Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('assignment.preview.cancel')}
          </Button>
          <Button loading={confirming} disabled={plan.created === 0} onClick={onConfirm}>
            {t('assignment.preview.confirm')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
