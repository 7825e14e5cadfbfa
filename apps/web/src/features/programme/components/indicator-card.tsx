import { Radio, SimpleGrid, Stack } from '@mantine/core';
import { INDICATOR_AGGREGATIONS, INDICATOR_DIRECTIONS, PROGRAMME_LIMITS } from '@tahkim/contracts';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../components/number-field';
import type { ProgrammeFormValues } from '../programme-form-values';
import { ItemTextsTabs } from './item-texts-tabs';
import { ProgrammeItemCard, type ItemCardProps } from './programme-item-card';

/**
 * One impact indicator: its label and unit per language, the target per project, whether more is better,
 * and how the figures of successive reports add up, said in plain words.
 */
export function IndicatorCard(props: ItemCardProps) {
  const { t } = useTranslation('programme');
  const { control } = useFormContext<ProgrammeFormValues>();
  const item = `indicators.${props.index}` as const;

  return (
    <ProgrammeItemCard list="indicators" {...props}>
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
    </ProgrammeItemCard>
  );
}
