import { Alert, Anchor, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TCallDecisionList, TPublishDecisionsResult } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api';
import { formatDateTime, formatList } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { proposedTemplates, publishedInOtherScript, publishPlan } from '../decision-view';
import { usePublishDecisionsMutation } from '../mutations';
import { useRoundLabel } from './use-round-label';

/** Keeps a name in another script from reordering the numbers and colons around it (Unicode first-strong isolate). */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * Publishing: every unpublished decision becomes visible and one email per applicant is queued in their
 * language. The confirmation says everything publishing also does: texts proposed for templates never
 * saved, the call closed at once when it still accepts applications, its open rounds closed.
 */
export function PublishPanel({ list }: { list: TCallDecisionList }) {
  const { t } = useTranslation(['decisions', 'common']);
  const { locale } = useLocale();
  const publish = usePublishDecisionsMutation(list.call.id);
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<TPublishDecisionsResult | null>(null);
  const plan = publishPlan(list.items);
  const proposed = proposedTemplates(list);
  const proposedNames = formatList(proposed.map((outcome) => t(`outcome.${outcome}`)), locale);
  const otherScript = publishedInOtherScript(list);
  const openRounds = list.rounds.filter((round) => round.status === 'OPEN');
  const roundLabel = useRoundLabel();
  const roundNames = formatList(openRounds.map(roundLabel), locale);
  const early = list.call.acceptingApplications;
  // The page still showed the call closed when it was not (its deadline moved meanwhile): the list is read
  // again and the confirmation now says that publishing closes it.
  const stillOpen = publish.error instanceof ApiError && (publish.error.details as { reason?: string } | null | undefined)?.reason === 'CALL_STILL_OPEN';
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
      {proposed.length > 0 ? (
        <Alert color="blue" variant="light" data-testid="proposed-templates">
          <Stack gap={4}>
            <Text size="sm">{t('publish.proposedTemplates', { outcomes: proposedNames })}</Text>
            <Anchor component={Link} to={`/admin/calls/${list.call.id}/decisions/templates`} size="sm" fw={600}>
              {t('publish.editTemplates')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      {total > 0 && early ? (
        <Alert color="orange" variant="light" data-testid="publish-early">
          {t('publish.earlyNotice', { date: formatDateTime(list.call.closesAt, locale) })}
        </Alert>
      ) : null}
      {otherScript.length > 0 ? (
        <Alert color="orange" variant="light" data-testid="publish-other-script">
          {t('publish.otherScript', { count: otherScript.length, references: formatList(otherScript.map((row) => isolate(row.reference ?? t('table.noReference'))), locale) })}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={() => setConfirming(true)} disabled={total === 0}>
          {t('publish.button')}
        </Button>
      </Group>
      {result ? (
        <Alert color="tahkim" variant="light" role="status" withCloseButton onClose={() => setResult(null)} closeButtonLabel={t('actions.dismiss')} data-testid="publish-result">
          <Stack gap={2}>
            <Text size="sm">{t('publish.result', { published: result.published, queued: result.queued })}</Text>
            {result.callClosedEarly ? <Text size="sm">{t('publish.resultClosed', { date: formatDateTime(list.call.closesAt, locale) })}</Text> : null}
            {result.roundsClosed > 0 ? <Text size="sm">{t('publish.resultRounds', { count: result.roundsClosed })}</Text> : null}
          </Stack>
        </Alert>
      ) : null}
      <Modal opened={confirming} onClose={close} title={t('publish.confirmTitle')} centered>
        <Stack gap="sm">
          {early ? (
            <Alert color="orange" variant="light" title={t('publish.earlyTitle')} data-testid="confirm-early">
              {t('publish.early', { date: formatDateTime(list.call.closesAt, locale) })}
              {list.call.drafts > 0 ? ` ${t('publish.earlyDrafts', { drafts: list.call.drafts })}` : null}
            </Alert>
          ) : null}
          <Text>{t('publish.confirmBody', { count: total })}</Text>
          <List spacing={4} size="sm" data-testid="publish-plan">
            {plan.map((line) => (
              <List.Item key={`${line.outcome}-${line.locale}`}>
                {t('publish.planLine', { count: line.count, outcome: t(`outcome.${line.outcome}`), language: isolate(t('common:language.nativeName', { lng: line.locale })) })}
              </List.Item>
            ))}
          </List>
          {proposed.length > 0 ? <Text size="sm">{t('publish.confirmProposed', { outcomes: proposedNames })}</Text> : null}
          <Text size="sm">{list.call.feedbackEnabled ? t('publish.withFeedback') : t('publish.withoutFeedback')}</Text>
          {openRounds.length > 0 ? <Text size="sm">{t('publish.roundsClose', { rounds: roundNames })}</Text> : null}
          <Text size="sm" c="dimmed">
            {t('publish.final')}
          </Text>
          {publish.isError ? (
            <Alert color={stillOpen ? 'orange' : 'red'} variant="light" role="alert">
              {stillOpen ? t('publish.stillOpen') : publish.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('actions.cancel')}
            </Button>
            <Button
              color={early ? 'orange' : undefined}
              loading={publish.isPending}
              onClick={() =>
                publish.mutate(
                  { closeCallEarly: early },
                  {
                    onSuccess: (published) => {
                      notifications.show({ color: 'tahkim', message: t('publish.result', { published: published.published, queued: published.queued }) });
                      setResult(published);
                      setConfirming(false);
                    },
                  },
                )
              }
            >
              {early ? t('publish.confirmEarly') : t('publish.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
