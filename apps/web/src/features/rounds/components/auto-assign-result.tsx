import { Alert, Badge, Group, List, Stack, Text, Tooltip } from '@mantine/core';
import type { TAssignmentPlan, TAutoAssignResult } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../components/user-text';
import { formatNumber, formatPercent } from '../../../lib/number-format';
import { useLocale } from '../../locale/use-locale';

/** The loads a plan leaves, its affinity against the best conceivable, and whether that is proven best. */
export function PlanFigures({ plan }: { plan: TAssignmentPlan }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const loads =
    plan.cap !== null
      ? t('assignment.plan.loadCap', { min: n(plan.minLoad), max: n(plan.maxLoad), cap: n(plan.cap) })
      : plan.minLoad === plan.maxLoad
        ? t('assignment.auto.loadEven', { load: n(plan.minLoad) })
        : t('assignment.auto.loadRange', { min: n(plan.minLoad), max: n(plan.maxLoad) });
  return (
    <Stack gap={4}>
      <Text size="sm">{loads}</Text>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">
          {plan.upperBound > 0
            ? t('assignment.plan.affinity', {
                total: n(plan.totalAffinity),
                bound: n(plan.upperBound),
                percent: formatPercent((plan.totalAffinity / plan.upperBound) * 100, locale),
              })
            : t('assignment.plan.affinityNone')}
        </Text>
        <Tooltip label={t(plan.optimal ? 'assignment.plan.optimalHint' : 'assignment.plan.notProvenHint')} multiline w={280} events={{ hover: true, focus: true, touch: true }}>
          <Badge color={plan.optimal ? 'tahkim' : 'gray'} variant="light" tabIndex={0} tt="none">
            {t(plan.optimal ? 'assignment.plan.optimal' : 'assignment.plan.notProven')}
          </Badge>
        </Tooltip>
      </Group>
      <Text size="sm" c="dimmed">
        {t('assignment.plan.weights', { expertise: n(plan.weights.expertise), bid: n(plan.weights.bid) })}
      </Text>
      {plan.avoidedUsed > 0 ? <Text size="sm">{t('assignment.plan.avoided', { count: plan.avoidedUsed, total: n(plan.avoidedUsed) })}</Text> : null}
    </Stack>
  );
}

/** The applications left without their required jurors, each with the reason in plain words. */
export function ShortfallList({ shortfalls }: { shortfalls: TAssignmentPlan['shortfalls'] }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  return (
    <>
      <Text size="sm" fw={600}>
        {t('assignment.auto.shortfallsIntro', { count: shortfalls.length })}
      </Text>
      <List size="sm" spacing={4}>
        {shortfalls.map((shortfall) => (
          <List.Item key={shortfall.applicationId}>
            {t(`assignment.auto.shortfall.${shortfall.reason}`, {
              application: shortfall.reference ? isolate(shortfall.reference, 'ltr') : t('assignment.unnumbered'),
              assigned: formatNumber(shortfall.assigned, locale),
              required: formatNumber(shortfall.required, locale),
            })}
          </List.Item>
        ))}
      </List>
    </>
  );
}

/** What one automatic assignment did, and in plain words what it could not do. */
export function AutoAssignResult({ result }: { result: TAutoAssignResult }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const complete = result.shortfalls.length === 0;
  return (
    <Alert color={complete ? 'tahkim' : 'orange'} variant="light" title={t('assignment.auto.resultTitle')} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('assignment.auto.summary', { created: formatNumber(result.created, locale), kept: formatNumber(result.kept, locale) })}</Text>
        <PlanFigures plan={result} />
        {complete ? <Text size="sm">{t('assignment.auto.complete')}</Text> : <ShortfallList shortfalls={result.shortfalls} />}
      </Stack>
    </Alert>
  );
}
