import { Badge, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { DECISION_OUTCOMES, type TDecisionOutcome } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { TemplateEditor } from '../components/template-editor';
import { callDecisionsQuery, decisionTemplatesQuery } from '../queries';
import '../decisions.css';

/** Staff: the decision emails of a call, one template per outcome in ar/fr/en, each previewed for a real application. */
export function DecisionTemplatesPage() {
  const { t } = useTranslation('decisions');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const templates = useQuery(decisionTemplatesQuery(id));
  const list = useQuery(callDecisionsQuery(id));
  const [outcome, setOutcome] = useState<TDecisionOutcome>('WINNER');
  const title = list.data ? localized(list.data.call.title, locale) : '';
  usePageTitle(title ? t('templates.pageTitle', { call: title }) : t('templates.heading'));

  if (templates.isPending || list.isPending) return <PageLoader />;
  if (templates.isError || list.isError) {
    const error = templates.error ?? list.error;
    return <LoadError error={error} onRetry={() => void (templates.isError ? templates.refetch() : list.refetch())} />;
  }

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/calls/${id}/decisions`} size="sm" c="tahkim.8">
          {t('templates.back')}
        </Text>
        <Title order={1}>{t('templates.heading')}</Title>
        <Text c="dimmed" dir="auto">
          {title}
        </Text>
        <Text size="sm">{t('templates.intro')}</Text>
      </Stack>
      <Tabs value={outcome} onChange={(value) => setOutcome((value ?? 'WINNER') as TDecisionOutcome)} keepMounted={false}>
        <Tabs.List>
          {DECISION_OUTCOMES.map((value) => {
            const template = templates.data.items.find((item) => item.outcome === value);
            return (
              <Tabs.Tab key={value} value={value}>
                <Group gap={6} wrap="nowrap">
                  {t(`templates.tab.${value}`)}
                  {template && !template.saved ? (
                    <Badge size="xs" color="orange" variant="light">
                      {t('templates.notSaved')}
                    </Badge>
                  ) : null}
                </Group>
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        {templates.data.items.map((template) => (
          <Tabs.Panel key={template.outcome} value={template.outcome} pt="md">
            <TemplateEditor
              key={template.outcome}
              callId={id}
              template={template}
              placeholders={templates.data.placeholders}
              applications={list.data.items}
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
