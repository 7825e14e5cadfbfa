import { Badge, Card, Group, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { INDICATOR_AGGREGATIONS, INDICATOR_DIRECTIONS, PROGRAMME_LIMITS } from '@tahkim/contracts';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../components/number-field';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import type { ProgrammeFormValues } from '../programme-form-values';
import { ItemActions } from './item-actions';
import { ItemKey } from './item-key';
import { ItemTextsTabs } from './item-texts-tabs';

interface IndicatorCardProps {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/**
 * One impact indicator: its label and unit per language, the target per project, whether more is better,
 * and how the figures of successive reports add up, said in plain words.
 */
export function IndicatorCard({ index, count, onMove, onRemove }: IndicatorCardProps) {
  const { t } = useTranslation('programme');
  const { locale } = useLocale();
  const { control } = useFormContext<ProgrammeFormValues>();
  const item = `indicators.${index}` as const;
  const [key, label] = useWatch({ control, name: [`${item}.key`, `${item}.label`] });
  const number = index + 1;
  const name = localized(label, locale).trim();

  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t('indicators.item', { number })} data-testid="indicator" miw={0}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} miw={0} style={{ flex: '1 1 14rem' }}>
            <Group gap="xs">
              <Title order={3} size="h5">
                {t('indicators.item', { number })}
              </Title>
              {key ? null : (
                <Badge size="sm" variant="light" color="blue">
                  {t('indicators.new')}
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
              up: t('indicators.moveUp', { number }),
              down: t('indicators.moveDown', { number }),
              remove: t('indicators.remove', { number }),
              removeShort: t('remove'),
            }}
            onMove={onMove}
            onRemove={onRemove}
          />
        </Group>
        <ItemTextsTabs
          item={item}
          parts={[
            { name: 'label', label: t('indicators.labelField'), hint: t('indicators.labelHint'), max: PROGRAMME_LIMITS.label, missing: t('errors.label') },
            { name: 'unit', label: t('indicators.unitField'), hint: t('indicators.unitHint'), max: PROGRAMME_LIMITS.unit },
          ]}
        />
        <Controller
          control={control}
          name={`${item}.target`}
          render={({ field, fieldState }) => (
            <NumberField
              label={t('indicators.target')}
              description={t('indicators.targetHint')}
              min={0}
              max={1e12}
              maw={260}
              value={field.value ?? ''}
              onChange={(value) => field.onChange(typeof value === 'number' ? value : null)}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
              error={fieldState.error?.message}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Controller
            control={control}
            name={`${item}.direction`}
            render={({ field, fieldState }) => (
              <Radio.Group label={t('indicators.direction')} value={field.value} onChange={field.onChange} name={field.name} error={fieldState.error?.message}>
                <Stack gap="xs" mt="xs">
                  {INDICATOR_DIRECTIONS.map((direction) => (
                    <Radio key={direction} value={direction} label={t(`indicators.directions.${direction}.label`)} description={t(`indicators.directions.${direction}.hint`)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
          <Controller
            control={control}
            name={`${item}.aggregation`}
            render={({ field, fieldState }) => (
              <Radio.Group label={t('indicators.aggregation')} value={field.value} onChange={field.onChange} name={field.name} error={fieldState.error?.message}>
                <Stack gap="xs" mt="xs">
                  {INDICATOR_AGGREGATIONS.map((aggregation) => (
                    <Radio key={aggregation} value={aggregation} label={t(`indicators.aggregations.${aggregation}.label`)} description={t(`indicators.aggregations.${aggregation}.hint`)} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
        </SimpleGrid>
        <ItemKey item={item} />
      </Stack>
    </Card>
  );
}
