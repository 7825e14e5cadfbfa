import { Alert, Anchor, Badge, Button, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TCallAnnouncement } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { isAnnounceable } from '@tahkim/contracts';
import { publicResultsPath } from '../announcement-view';
import { usePublishResultsMutation, useUnpublishResultsMutation } from '../mutations';

/**
 * The call's public results page: whether it is online and since when, how many winners it presents (those
 * who agreed), its address, and the buttons that put it online or take it down (after a confirmation).
 */
export function ResultsPublication({ announcement }: { announcement: TCallAnnouncement }) {
  const { t } = useTranslation('decisions');
  const { locale } = useLocale();
  const { call, winners, shownCount } = announcement;
  const publish = usePublishResultsMutation(call.id);
  const unpublish = useUnpublishResultsMutation(call.id);
  const [confirming, setConfirming] = useState(false);
  const published = call.resultsPublishedAt !== null;
  const decided = isAnnounceable(call.status);
  const path = publicResultsPath(call.slug);
  // The address to share is the whole URL (just the path where there is no window, as on the server).
  const address = typeof window === 'undefined' ? path : new URL(path, window.location.origin).toString();
  const close = () => {
    setConfirming(false);
    unpublish.reset();
  };

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Badge color={published ? 'tahkim' : 'gray'} variant="light" size="lg" data-testid="results-status">
          {published ? t('announcement.publication.published') : t('announcement.publication.notPublished')}
        </Badge>
        <Text size="sm">
          {call.resultsPublishedAt
            ? t('announcement.publication.publishedSince', { date: formatDateTime(call.resultsPublishedAt, locale) })
            : t('announcement.publication.notPublishedHint')}
        </Text>
      </Group>
      <Stack gap={2}>
        <Text size="sm" fw={500}>
          {t('announcement.publication.shownLabel')}
        </Text>
        <Text fw={700} fz="lg" data-testid="shown-count">
          {t('announcement.publication.shownValue', { shown: shownCount, total: winners.length })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('announcement.publication.shownHint')}
        </Text>
      </Stack>
      {!decided ? (
        <Alert color="orange" variant="light" data-testid="results-not-decided">
          <Stack gap={4}>
            <Text size="sm">{t('announcement.publication.notDecided')}</Text>
            <Anchor component={Link} to={`/admin/calls/${call.id}/decisions`} size="sm" fw={600}>
              {t('announcement.page.decisionsLink')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      {decided && shownCount === 0 && winners.length > 0 ? (
        <Text size="sm" c="orange.9" data-testid="none-shown">
          {t('announcement.publication.noneShown')}
        </Text>
      ) : null}
      {published ? (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('announcement.publication.linkLabel')}
          </Text>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={path} dir="ltr" style={{ overflowWrap: 'anywhere' }} data-testid="results-link">
              {path}
            </Anchor>
            <CopyButton value={address}>
              {({ copied, copy }) => (
                <Button size="compact-xs" variant={copied ? 'light' : 'default'} onClick={copy} aria-live="polite">
                  {copied ? t('announcement.publication.copied') : t('announcement.publication.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      ) : null}
      <Group gap="sm">
        {published ? (
          <Button variant="outline" color="red" onClick={() => setConfirming(true)}>
            {t('announcement.publication.unpublish')}
          </Button>
        ) : (
          <Button
            disabled={!decided}
            loading={publish.isPending}
            onClick={() =>
              publish.mutate(undefined, {
                onSuccess: (result) => notifications.show({ color: 'tahkim', message: t('announcement.publication.publishedNotice', { count: result.shownCount }) }),
              })
            }
          >
            {t('announcement.publication.publish')}
          </Button>
        )}
      </Group>
      {publish.isError ? (
        <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => publish.reset()} closeButtonLabel={t('actions.dismiss')}>
          {publish.error.message}
        </Alert>
      ) : null}
      <Modal opened={confirming} onClose={close} title={t('announcement.publication.confirmTitle')} centered>
        <Stack gap="sm">
          <Text>{t('announcement.publication.confirmBody')}</Text>
          <Text size="sm">{t('announcement.publication.confirmShown', { count: shownCount })}</Text>
          {unpublish.isError ? (
            <Alert color="red" variant="light" role="alert">
              {unpublish.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={unpublish.isPending}
              onClick={() =>
                unpublish.mutate(undefined, {
                  onSuccess: () => {
                    notifications.show({ color: 'tahkim', message: t('announcement.publication.unpublishedNotice') });
                    setConfirming(false);
                  },
                })
              }
            >
              {t('announcement.publication.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
