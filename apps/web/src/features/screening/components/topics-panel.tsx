import { Alert, Badge, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TStaffApplication } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api';
import { formatList } from '../../../lib/format';
import { topicLabeller } from '../../call-admin/call-display';
import { callTopicsQuery } from '../../call-admin/queries';
import { useLocale } from '../../locale/use-locale';
import { useApplicationTopicsMutation } from '../mutations';
import { applicationTopicsQuery } from '../queries';

const SOURCE_COLORS = { FORM: 'blue', STAFF: 'grape', NONE: 'gray' } as const;

function TopicBadges({ keys, label }: { keys: readonly string[]; label: (key: string) => string }) {
  return (
    <Group gap={6}>
      {keys.map((key) => (
        <Badge key={key} variant="light" color="tahkim" tt="none" dir="auto">
          {label(key)}
        </Badge>
      ))}
    </Group>
  );
}

/** A refused tag: topics the call no longer has are named (the API gives their keys), anything else as the API said it. */
function useTagErrorText() {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  return (error: Error, label: (key: string) => string) => {
    const unknown = error instanceof ApiError ? error.issues.filter((issue) => issue.code === 'UNKNOWN_TOPIC').map((issue) => label(issue.message)) : [];
    return unknown.length > 0 ? t('topics.unknown', { keys: formatList(unknown, locale) }) : error.message;
  };
}

/**
 * The application's topics, which the automatic assignment matches with jurors' expertise: what the
 * topic question gives, or staff's tags, which replace it until staff follow the form's answer again.
 */
export function TopicsPanel({ application }: { application: Pick<TStaffApplication, 'id' | 'callId'> }) {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  const callTopics = useQuery(callTopicsQuery(application.callId));
  const current = useQuery(applicationTopicsQuery(application.id));
  const tag = useApplicationTopicsMutation(application.id, application.callId);
  const [editing, setEditing] = useState<string[] | null>(null);
  const errorText = useTagErrorText();

  const body = () => {
    if (callTopics.isPending || current.isPending) return <PageLoader />;
    if (callTopics.isError) return <LoadError error={callTopics.error} onRetry={() => void callTopics.refetch()} />;
    if (current.isError) return <LoadError error={current.error} onRetry={() => void current.refetch()} />;
    const topics = callTopics.data.topics;
    const label = topicLabeller(topics, locale);
    const { source, fromForm } = current.data;
    if (topics.length === 0) {
      return (
        <Text size="sm" c="dimmed">
          {t('topics.noneDefined')}{' '}
          <Text component={Link} to={`/admin/calls/${application.callId}/settings`} size="sm" c="tahkim.8">
            {t('topics.defineThem')}
          </Text>
        </Text>
      );
    }

    const save = (keys: string[] | null) =>
      tag.mutate(
        { topics: keys },
        {
          onSuccess: () => {
            setEditing(null);
            notifications.show({ color: 'tahkim', message: t(keys === null ? 'topics.followed' : 'topics.saved') });
          },
        },
      );

    if (editing) {
      return (
        <Stack gap="sm">
          <Checkbox.Group label={t('topics.choose')} description={t('topics.chooseHint')} value={editing} onChange={setEditing}>
            <Stack gap={6} mt="xs">
              {topics.map((topic) => (
                <Checkbox key={topic.key} value={topic.key} label={<span dir="auto">{label(topic.key)}</span>} />
              ))}
            </Stack>
          </Checkbox.Group>
          {tag.error ? (
            <Alert color="red" variant="light" role="alert">
              {errorText(tag.error, label)}
            </Alert>
          ) : null}
          <Group gap="sm">
            <Button loading={tag.isPending} onClick={() => save(topics.filter((topic) => editing.includes(topic.key)).map((topic) => topic.key))}>
              {t('topics.save')}
            </Button>
            <Button
              variant="default"
              onClick={() => {
                tag.reset();
                setEditing(null);
              }}
            >
              {t('topics.cancel')}
            </Button>
          </Group>
        </Stack>
      );
    }

    return (
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="outline" color={SOURCE_COLORS[source]}>
            {t(`topics.source.${source}`)}
          </Badge>
        </Group>
        {current.data.topics.length > 0 ? <TopicBadges keys={current.data.topics} label={label} /> : null}
        {source === 'STAFF' ? (
          <Text size="sm" c="dimmed" component="div">
            {fromForm.length > 0 ? (
              <Stack gap={4}>
                {t('topics.formGives')}
                <TopicBadges keys={fromForm} label={label} />
              </Stack>
            ) : (
              t('topics.formGivesNone')
            )}
          </Text>
        ) : null}
        {tag.error ? (
          <Alert color="red" variant="light" role="alert">
            {errorText(tag.error, label)}
          </Alert>
        ) : null}
        <Group gap="sm">
          <Button
            variant="light"
            onClick={() => {
              tag.reset();
              setEditing(current.data.topics);
            }}
          >
            {t('topics.edit')}
          </Button>
          {source === 'STAFF' ? (
            <Button variant="subtle" loading={tag.isPending} onClick={() => save(null)}>
              {t('topics.followForm')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="topics-title">
      <Stack gap="md">
        <Title id="topics-title" order={2} fz="lg">
          {t('topics.heading')}
        </Title>
        {body()}
      </Stack>
    </Card>
  );
}
