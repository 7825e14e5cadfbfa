import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TCallDecisionList, TPublishDecisionsResult } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatList } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { missingTemplates, publishPlan } from '../decision-view';
import { usePublishDecisionsMutation } from '../mutations';

/** Keeps a name in another script from reordering the numbers and colons around it (Unicode first-strong isolate). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** Publishing: every unpublished decision becomes visible and one email per applicant is queued in their language. */
export function PublishPanel({ list }: { list: TCallDecisionList }) {
  const { t } = useTranslation(['decisions', 'common']);
  const { locale } = useLocale();
  const publish = usePublishDecisionsMutation(list.call.id);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<TPublishDecisionsResult | null>(null);
  const plan = publishPlan(list.items);
  const missing = missingTemplates(list);
  const total = plan.reduce((sum, line) => sum + line.count, 0);
  const close = () => {
    setConfirming(false);
    publish.reset();
  };

  return (
    <Stack gap="sm">
      <Text size="sm">{t('publish.intro')}</Text>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('publish.nothingPending')}
        </Text>
      ) : null}
      {missing.length > 0 ? (
        <Alert color="orange" variant="light" data-testid="missing-templates">
          <Stack gap={4}>
            <Text size="sm">{t('publish.missingTemplates', { outcomes: formatList(missing.map((outcome) => t(`outcome.${outcome}`)), locale) })}</Text>
            <Anchor component={Link} to={`/admin/calls/${list.call.id}/decisions/templates`} size="sm" fw={600}>
              {t('publish.editTemplates')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      <Group>
        <Button onClick={() => setConfirming(true)} disabled={total === 0 || missing.length > 0}>
          {t('publish.button')}
        </Button>
      </Group>
      {result ? (
        <Alert color="tahkim" variant="light" role="status" withCloseButton onClose={() => setResult(null)} closeButtonLabel={t('actions.dismiss')}>
          {t('publish.result', { published: result.published, queued: result.queued })}
        </Alert>
      ) : null}
      <Modal opened={confirming} onClose={close} title={t('publish.confirmTitle')} centered>
        <Stack gap="sm">
          <Text>{t('publish.confirmBody', { count: total })}</Text>
          <List spacing={4} size="sm" data-testid="publish-plan">
            {plan.map((line) => (
              <List.Item key={`${line.outcome}-${line.locale}`}>
                {t('publish.planLine', { count: line.count, outcome: t(`outcome.${line.outcome}`), language: isolate(t('common:language.nativeName', { lng: line.locale })) })}
              </List.Item>
            ))}
          </List>
          <Text size="sm">{list.call.feedbackEnabled ? t('publish.withFeedback') : t('publish.withoutFeedback')}</Text>
          <Text size="sm" c="dimmed">
            {t('publish.final')}
          </Text>
          {publish.isError ? (
            <Alert color="red" variant="light" role="alert">
              {publish.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('actions.cancel')}
            </Button>
            <Button
              loading={publish.isPending}
              onClick={() =>
                publish.mutate(undefined, {
                  onSuccess: (published) => {
                    notifications.show({ color: 'tahkim', message: t('publish.result', { published: published.published, queued: published.queued }) });
                    setResult(published);
                    setConfirming(false);
                  },
                })
              }
            >
              {t('publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
