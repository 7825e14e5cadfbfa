import { Alert, List, Stack, Text } from '@mantine/core';
import type { TAutoAssignResult } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';

/** What one automatic assignment did, and in plain words what it could not do. */
export function AutoAssignResult({ result }: { result: TAutoAssignResult }) {
  const { t } = useTranslation('rounds');
  const complete = result.shortfalls.length === 0;
  return (
    <Alert color={complete ? 'tahkim' : 'orange'} variant="light" title={t('assignment.auto.resultTitle')} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('assignment.auto.summary', { created: result.created, kept: result.kept })}</Text>
        <Text size="sm">
          {result.minLoad === result.maxLoad
            ? t('assignment.auto.loadEven', { load: result.minLoad })
            : t('assignment.auto.loadRange', { min: result.minLoad, max: result.maxLoad })}
        </Text>
        {complete ? (
          <Text size="sm">{t('assignment.auto.complete')}</Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t('assignment.auto.shortfallsIntro', { count: result.shortfalls.length })}
            </Text>
            <List size="sm" spacing={4}>
              {result.shortfalls.map((shortfall) => (
                <List.Item key={shortfall.applicationId}>
                  {t(`assignment.auto.shortfall.${shortfall.reason}`, {
                    application: shortfall.reference ?? t('assignment.unnumbered'),
                    assigned: shortfall.assigned,
                    required: shortfall.required,
                  })}
                </List.Item>
              ))}
            </List>
          </>
        )}
      </Stack>
    </Alert>
  );
}
