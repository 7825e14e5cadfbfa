import { Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { useRef, useState, type ComponentType } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch, type FieldArray, type FieldPathValue } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { InboxIcon } from '../../../components/icons';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import type { ProgrammeFormValues } from '../programme-form-values';
import { itemNamePath, type ProgrammeList } from './programme-item';
import type { ItemCardProps } from './programme-item-card';
import { ProgrammeSection } from './programme-section';
import { RemoveItemModal } from './remove-item-modal';

/** What sets one list apart from the other. */
export interface ProgrammeListConfig<L extends ProgrammeList> {
  list: L;
  Card: ComponentType<ItemCardProps>;
  /** How many items the list may have. */
  limit: number;
  newItem: () => FieldArray<ProgrammeFormValues, L>;
  /** The summary's second line (reports due, indicators with a target): its text and what it counts. */
  summary: { key: 'milestones.reports' | 'indicators.withTarget'; count: (items: FieldPathValue<ProgrammeFormValues, L>) => number };
}

/** One of the programme's lists, in order: added, reordered, removed (after a confirmation when saved). */
export function ProgrammeListSection<L extends ProgrammeList>({ config }: { config: ProgrammeListConfig<L> }) {
  const { t } = useTranslation('programme');
  const { locale } = useLocale();
  const { control, getValues } = useFormContext<ProgrammeFormValues>();
  // The hooks keep the generic list (their values are typed by it); paths and texts take the plain union.
  const list: ProgrammeList = config.list;
  const { errors } = useFormState({ control, name: list });
  const items = useFieldArray<ProgrammeFormValues, L>({ control, name: config.list });
  const values = useWatch({ control, name: config.list });
  const addButton = useRef<HTMLButtonElement>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const count = items.fields.length;
  const listError = errors[list]?.message ?? errors[list]?.root?.message;
  const { Card, limit } = config;

  const remove = (index: number) => {
    // The focus leaves the item before it goes: a blur on a removed input would write its field back into the form.
    addButton.current?.focus();
    items.remove(index);
    setRemoving(null);
  };
  const askToRemove = (index: number) => (getValues(`${list}.${index}.key`) ? setRemoving(index) : remove(index));
  const removingName = removing === null ? '' : localized(getValues(itemNamePath(list, removing)), locale).trim();

  return (
    <ProgrammeSection
      id={`programme-${list}`}
      title={t(`${list}.title`)}
      intro={t(`${list}.intro`)}
      summary={
        count > 0 ? (
          <Group gap="md" data-testid={`${list}-summary`}>
            <Text size="sm" fw={500}>
              {t(`${list}.count`, { count })}
            </Text>
            <Text size="sm" c="dimmed">
              {t(config.summary.key, { count: config.summary.count(values) })}
            </Text>
          </Group>
        ) : null
      }
    >
      {count === 0 ? (
        <EmptyState withIndicatorBackground icon={<InboxIcon size={28} />} title={t(`${list}.emptyTitle`)} description={t(`${list}.empty`)} />
      ) : (
        <Stack component="ol" gap="md" className="plain-list">
          {items.fields.map((field, index) => (
            <li key={field.id}>
              <Card index={index} count={count} onMove={(to) => items.move(index, to)} onRemove={() => askToRemove(index)} />
            </li>
          ))}
        </Stack>
      )}
      {listError ? (
        <Text size="sm" c="red" role="alert">
          {listError}
        </Text>
      ) : null}
      <div>
        <Button ref={addButton} variant="light" disabled={count >= limit} onClick={() => items.append(config.newItem(), { focusName: `${itemNamePath(list, count)}.${locale}` })}>
          {t(`${list}.add`)}
        </Button>
        {count >= limit ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t(`${list}.limit`, { max: limit })}
          </Text>
        ) : null}
      </div>
      <RemoveItemModal
        removing={
          removing === null
            ? null
            : {
                title: removingName ? t(`${list}.confirmRemoveNamed`, { name: removingName }) : t(`${list}.confirmRemove`, { number: removing + 1 }),
                body: t(`${list}.confirmRemoveBody`),
              }
        }
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing !== null && remove(removing)}
      />
    </ProgrammeSection>
  );
}
