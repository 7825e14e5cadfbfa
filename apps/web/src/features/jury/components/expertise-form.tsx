import { Alert, Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TCallTopic } from '@tahkim/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { useSaveExpertiseMutation } from '../mutations';

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key) => b.includes(key));

/**
 * "Your expertise": the call's fields as checkboxes, saved with one button. The ticked boxes are a
 * draft until saved; once the API has them, the saved expertise is shown again.
 */
export function ExpertiseForm({ roundId, topics, expertise, closed }: { roundId: string; topics: readonly TCallTopic[]; expertise: readonly string[]; closed: boolean }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const save = useSaveExpertiseMutation(roundId);
  const [draft, setDraft] = useState<string[] | null>(null);
  // Only the call's current topics: a key the call no longer has can neither be shown nor saved again.
  const saved = expertise.filter((key) => topics.some((topic) => topic.key === key));
  const value = draft ?? saved;
  const dirty = draft !== null && !sameKeys(draft, saved);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) return;
    // The order of the call's topics, whatever the order of the clicks.
    const chosen = topics.map((topic) => topic.key).filter((key) => value.includes(key));
    save.mutate(chosen, { onSuccess: (result) => setDraft((current) => (current && sameKeys(current, result.topics) ? null : current)) });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="expertise-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h3" id="expertise-title">
            {t('bidding.expertise.heading')}
          </Title>
          <Text size="sm">{t('bidding.expertise.intro')}</Text>
        </Stack>
        {topics.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('bidding.expertise.noTopics')}
          </Text>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              {closed ? (
                <Text size="sm" c="dimmed">
                  {t('bidding.expertise.closed')}
                </Text>
              ) : null}
              <Checkbox.Group label={t('bidding.expertise.label')} value={value} onChange={setDraft}>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="sm" mt="xs">
                  {topics.map((topic) => (
                    <Checkbox key={topic.key} value={topic.key} disabled={closed} label={<span dir="auto">{localized(topic.label, locale)}</span>} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              {save.isError ? (
                <Alert color="red" variant="light" role="alert">
                  {save.error.message}
                </Alert>
              ) : null}
              {closed ? null : (
                <Group gap="sm">
                  <Button type="submit" loading={save.isPending} disabled={!dirty}>
                    {t('bidding.expertise.save')}
                  </Button>
                  <Text size="sm" c={dirty ? 'orange.8' : 'dimmed'} role="status" data-testid="expertise-status">
                    {dirty ? t('bidding.expertise.unsaved') : save.isSuccess ? t('bidding.expertise.saved') : null}
                  </Text>
                </Group>
              )}
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}
