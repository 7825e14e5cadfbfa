import { ActionIcon, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { LOCALES, type TPutCallTopicsRequest } from '@tahkim/contracts';
import { useState } from 'react';
import { useFormContext, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../call-display';
import { topicKeyFromLabel, topicKeySource } from '../topic-keys';

export type TopicsFormValues = TPutCallTopicsRequest;

function Arrow({ up }: { up: boolean }) {
  return (
    <svg width={16} height={16} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} aria-hidden="true" focusable="false">
      <path d={up ? 'M12 19V5M5 12l7-7 7 7' : 'M12 5v14M5 12l7 7 7-7'} />
    </svg>
  );
}

interface TopicRowProps {
  index: number;
  count: number;
  /** The values of the topic question's options, when one is chosen: a key outside them gets a hint. */
  optionValues: ReadonlySet<string> | null;
  /** A topic already saved keeps its key: jurors' expertise and applications' tags refer to it. */
  saved: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/**
 * One topic: its key and its label in the three languages, moved with buttons (keyboard and touch alike).
 * A new topic's key follows its label until someone types a key of their own; a saved topic's key is fixed.
 */
export function TopicRow({ index, count, optionValues, saved, onMove, onRemove }: TopicRowProps) {
  const { t } = useTranslation('callAdmin');
  const { register, getValues, setValue, getFieldState, formState, control } = useFormContext<TopicsFormValues>();
  const [key, topics] = useWatch({ control, name: [`topics.${index}.key`, 'topics'] });
  const [deriveKey, setDeriveKey] = useState(key === '' && !saved);
  const duplicate = key !== '' && topics.some((topic, other) => other !== index && topic.key === key);
  const keyState = getFieldState(`topics.${index}.key`, formState);
  const number = index + 1;

  const followLabel = () => {
    if (!deriveKey) return;
    const taken = new Set(getValues('topics').flatMap((topic, other) => (other === index ? [] : [topic.key])));
    setValue(`topics.${index}.key`, topicKeyFromLabel(topicKeySource(getValues(`topics.${index}.label`)), taken), {
      shouldDirty: true,
      shouldValidate: formState.isSubmitted,
    });
  };

  const keyError = (error: FieldError | undefined) => {
    if (duplicate) return t('topics.errors.duplicateKey');
    if (!error) return undefined;
    return error.type === 'invalid_format' ? t('topics.errors.key') : error.message;
  };
  const keyHint =
    optionValues && key !== '' && !optionValues.has(key) ? t('topics.hints.keyNotAnOption') : saved ? t('topics.hints.keySaved') : t('topics.hints.key');

  return (
    <Card withBorder radius="md" padding="sm" role="group" aria-label={t('topics.topicNumber', { number })} data-topic-row={index}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {t('topics.topicNumber', { number })}
          </Text>
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="subtle" color="gray" data-move="up" disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('topics.moveUp', { number })}>
              <Arrow up />
            </ActionIcon>
            <ActionIcon variant="subtle" color="gray" data-move="down" disabled={index === count - 1} onClick={() => onMove(index + 1)} aria-label={t('topics.moveDown', { number })}>
              <Arrow up={false} />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('topics.remove', { number })}>
              <span aria-hidden="true">×</span>
            </ActionIcon>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            label={t('topics.fields.key')}
            description={keyHint}
            attributes={{ input: { dir: 'ltr' } }}
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            readOnly={saved}
            error={keyError(keyState.error)}
            {...register(`topics.${index}.key`, { onChange: () => setDeriveKey(false) })}
          />
          {LOCALES.map((locale) => (
            <TextInput
              key={locale}
              label={t(`topics.fields.label.${locale}`)}
              // Arabic is typed right to left whatever the interface (`dir` alone lands on the wrapper).
              attributes={{ input: { dir: textDirection(locale) } }}
              lang={locale}
              maxLength={80}
              error={getFieldState(`topics.${index}.label.${locale}`, formState).error?.message}
              {...register(`topics.${index}.label.${locale}`, { onChange: followLabel })}
            />
          ))}
        </SimpleGrid>
      </Stack>
    </Card>
  );
}
