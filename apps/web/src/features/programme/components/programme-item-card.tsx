import { Badge, Card, Group, Stack, Text, Title, type CardProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import type { ProgrammeFormValues } from '../programme-form-values';
import { ItemActions } from './item-actions';
import { ItemKey } from './item-key';
import { itemNamePath, ITEM_TEST_ID, type ProgrammeList } from './programme-item';

/** What a list gives each of its cards. */
export interface ItemCardProps {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

interface ProgrammeItemCardProps extends ItemCardProps {
  list: ProgrammeList;
  m?: CardProps['m'];
  /** The item's own fields, between its header and its key. */
  children: ReactNode;
}

/**
 * The frame of one milestone or indicator: a fieldset named by its number, with its name (and "new"
 * until first saved), its move and remove actions, then its fields, then its key.
 */
export function ProgrammeItemCard({ list, index, count, onMove, onRemove, m, children }: ProgrammeItemCardProps) {
  const { t } = useTranslation('programme');
  const { locale } = useLocale();
  const { control } = useFormContext<ProgrammeFormValues>();
  const item = `${list}.${index}` as const;
  const [key, text] = useWatch({ control, name: [`${item}.key`, itemNamePath(list, index)] });
  const number = index + 1;
  const name = localized(text, locale).trim();

  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t(`${list}.item`, { number })} data-testid={ITEM_TEST_ID[list]} m={m} miw={0}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} miw={0} style={{ flex: '1 1 14rem' }}>
            <Group gap="xs">
              <Title order={3} size="h5">
                {t(`${list}.item`, { number })}
              </Title>
              {key ? null : (
                <Badge size="sm" variant="light" color="blue">
                  {t(`${list}.new`)}
                </Badge>
              )}
            </Group>
            {name ? (
              <Text size="sm" fw={500} dir="auto" style={{ overflowWrap: 'anywhere' }}>
                {name}
              </Text>
            ) : null}
          </Stack>
          <ItemActions
            index={index}
            count={count}
            labels={{
              up: t(`${list}.moveUp`, { number }),
              down: t(`${list}.moveDown`, { number }),
              remove: t(`${list}.remove`, { number }),
              removeShort: t('remove'),
            }}
            onMove={onMove}
            onRemove={onRemove}
          />
        </Group>
        {children}
        <ItemKey item={item} />
      </Stack>
    </Card>
  );
}
