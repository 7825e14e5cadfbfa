import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TCallTopic } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoader } from '../../../components/page-state';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { useSetJurorExpertiseMutation } from '../mutations';

/**
 * Staff set the fields a juror knows, among the call's topics: the automatic assignment prefers to
 * give each application to jurors who know one of its topics.
 */
export function ExpertiseDialog({
  roundId,
  juror,
  topics,
  topicsState,
  onClose,
}: {
  roundId: string;
  juror: { id: string; displayName: string; expertise: string[] };
  topics: TCallTopic[];
  /** The call's topics may still be on their way, or have failed to load. */
  topicsState: { isPending: boolean; error: Error | null };
  onClose: () => void;
}) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const save = useSetJurorExpertiseMutation(roundId);
  const [selected, setSelected] = useState<string[]>(juror.expertise);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    try {
      // In the call's order; keys the call no longer defines are dropped.
      await save.mutateAsync({ jurorId: juror.id, topics: topics.map((topic) => topic.key).filter((key) => selected.includes(key)) });
      notifications.show({ color: 'tahkim', message: t('jurors.expertise.saved') });
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Modal opened onClose={onClose} title={t('jurors.expertise.title')} centered>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" fw={600}>
            <bdi>{juror.displayName}</bdi>
          </Text>
          {topicsState.isPending ? (
            <PageLoader />
          ) : topicsState.error ? (
            <LoadError error={topicsState.error} />
          ) : topics.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('jurors.expertise.noTopics')}
            </Text>
          ) : (
            <Checkbox.Group label={t('jurors.expertise.topicsLabel')} description={t('jurors.expertise.topicsHint')} value={selected} onChange={setSelected}>
              <Stack gap="xs" mt="xs">
                {topics.map((topic, index) => (
                  <Checkbox key={topic.key} value={topic.key} label={localized(topic.label, locale) || topic.key} size="md" data-autofocus={index === 0 ? true : undefined} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          {error ? (
            <Alert color="red" variant="light" role="alert">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={topics.length === 0}>
              {t('jurors.expertise.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
