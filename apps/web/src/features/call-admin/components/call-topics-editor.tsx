import { zodResolver } from '../../../lib/form-resolver';
import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { allFields, fieldOptions, TOPIC_FIELD_TYPES, ZPutCallTopicsRequest, type TCallTopics, type TFormDefinition, type TFormField } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FormProvider, useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { LoadError, PageLoader } from '../../../components/page-state';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { useLocale } from '../../locale/use-locale';
import { localized } from '../call-display';
import { useSaveCallTopicsMutation } from '../mutations';
import { callFormQuery, callTopicsQuery } from '../queries';
import { topicsFromOptions } from '../topic-keys';
import { TopicRow, type TopicsFormValues } from './topic-row';

const MAX_TOPICS = 60;
const CHOICE_TYPES: readonly TFormField['type'][] = TOPIC_FIELD_TYPES;

function toFormValues(data: TCallTopics): TopicsFormValues {
  return { topics: data.topics.map(({ key, label }) => ({ key, label: { ar: label.ar, fr: label.fr, en: label.en } })), fieldKey: data.fieldKey };
}

function TopicsForm({ callId, data, definition }: { callId: string; data: TCallTopics; definition: TFormDefinition | undefined }) {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const save = useSaveCallTopicsMutation(callId);
  const form = useForm<TopicsFormValues>({ resolver: zodResolver(ZPutCallTopicsRequest), defaultValues: toFormValues(data) });
  const {
    control,
    formState: { errors, isSubmitting, isDirty },
  } = form;
  const topics = useFieldArray({ control, name: 'topics' });
  const fieldKey = useWatch({ control, name: 'fieldKey' });
  const [filled, setFilled] = useState<{ added: number; skipped: number } | null>(null);
  const list = useRef<HTMLDivElement>(null);
  // The topics as saved: their keys stay (a row's `key` in `fields` is the one it was created or reset with).
  const savedKeys = new Set(data.topics.map((topic) => topic.key));

  const choiceFields = definition ? allFields(definition).filter((field) => CHOICE_TYPES.includes(field.type)) : [];
  const chosen = choiceFields.find((field) => field.key === fieldKey);
  const optionValues = chosen ? new Set(fieldOptions(chosen).map((option) => option.value)) : null;
  const fieldChoices = [
    { value: '', label: t('topics.noField') },
    ...choiceFields.map((field) => ({ value: field.key, label: localized(field.label, locale) || field.key })),
    // A question removed from the form since: still named, so saving again shows the API's refusal.
    ...(fieldKey && !chosen ? [{ value: fieldKey, label: fieldKey }] : []),
  ];

  const fillFromOptions = () => {
    if (!chosen) return;
    const existing = new Set(form.getValues('topics').map((topic) => topic.key));
    const { added, skipped } = topicsFromOptions(chosen, existing);
    const room = added.slice(0, MAX_TOPICS - existing.size);
    if (room.length > 0) topics.append(room, { shouldFocus: false });
    setFilled({ added: room.length, skipped: skipped + added.length - room.length });
  };

  const move = (from: number, to: number) => {
    topics.move(from, to);
    // The moved row's button keeps the focus, so the next press moves it again.
    requestAnimationFrame(() => {
      const row = list.current?.querySelector(`[data-topic-row="${to}"]`);
      const button = row?.querySelector<HTMLButtonElement>(`[data-move="${to < from ? 'up' : 'down'}"]:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)');
      button?.focus();
    });
  };

  const submit = form.handleSubmit(async (values) => {
    try {
      const saved = await save.mutateAsync(values);
      form.reset(toFormValues(saved));
      setFilled(null);
      notifications.show({ color: 'tahkim', message: t('topics.saved') });
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  // About the list as a whole: the schema's (two topics with one key is said in the reader's language), or the API's.
  const listRoot = errors.topics?.root;
  const listError = listRoot ? (listRoot.type === 'custom' ? t('topics.errors.duplicateKey') : listRoot.message) : errors.topics?.message;

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormErrorAlert message={errors.root?.server?.message} />
          <NativeSelect
            label={t('topics.field')}
            description={t('topics.hints.field')}
            data={fieldChoices}
            error={errors.fieldKey?.message}
            {...form.register('fieldKey', { setValueAs: (value: string | null) => value || null })}
          />
          {chosen ? (
            <Group gap="sm">
              <Button variant="default" onClick={fillFromOptions} disabled={topics.fields.length >= MAX_TOPICS}>
                {t('topics.fromOptions')}
              </Button>
              {filled ? (
                <Text size="sm" c="dimmed" role="status">
                  {t('topics.filled', { count: filled.added })}
                  {filled.skipped > 0 ? ` ${t('topics.skipped', { count: filled.skipped })}` : ''}
                </Text>
              ) : null}
            </Group>
          ) : null}
          {topics.fields.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('topics.empty')}
            </Text>
          ) : (
            <Stack gap="sm" ref={list}>
              {topics.fields.map((topic, index) => (
                <TopicRow
                  key={topic.id}
                  index={index}
                  count={topics.fields.length}
                  optionValues={optionValues}
                  saved={savedKeys.has(topic.key)}
                  onMove={(to) => move(index, to)}
                  onRemove={() => topics.remove(index)}
                />
              ))}
            </Stack>
          )}
          {listError ? (
            <Text size="sm" c="red" role="alert">
              {listError}
            </Text>
          ) : null}
          <Button
            variant="default"
            style={{ alignSelf: 'flex-start' }}
            disabled={topics.fields.length >= MAX_TOPICS}
            onClick={() => topics.append({ key: '', label: { ar: '', fr: '', en: '' } }, { focusName: `topics.${topics.fields.length}.label.${locale}` })}
          >
            {t('topics.add')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('topics.counts', { count: data.counts.applications, withTopic: data.counts.withTopic })}
          </Text>
          <Group justify="flex-end">
            {isDirty ? (
              <Text size="sm" c="dimmed" role="status">
                {t('editor.unsaved')}
              </Text>
            ) : null}
            <Button type="submit" loading={isSubmitting}>
              {t('topics.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}

/**
 * The fields a call's projects belong to, for the automatic assignment to match with jurors' expertise:
 * the topics, and the choice question whose answer gives each application its topics.
 */
export function CallTopicsEditor({ callId }: { callId: string }) {
  const { t } = useTranslation('callAdmin');
  const topics = useQuery(callTopicsQuery(callId));
  const form = useQuery(callFormQuery(callId));

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="call-topics">
      <Stack gap="md">
        <Title id="call-topics" order={2} fz="lg">
          {t('topics.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('topics.intro')}
        </Text>
        {topics.isPending || form.isPending ? (
          <PageLoader />
        ) : topics.isError ? (
          <LoadError error={topics.error} onRetry={() => void topics.refetch()} />
        ) : (
          <>
            {form.isError ? (
              <Alert color="gray" variant="light">
                {t('topics.noForm')}
              </Alert>
            ) : null}
            <TopicsForm callId={callId} data={topics.data} definition={form.data?.definition} />
          </>
        )}
      </Stack>
    </Card>
  );
}
