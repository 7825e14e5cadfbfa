import { Fieldset, SimpleGrid, Stack, Switch } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../components/number-field';
import type { RoundFormValues } from '../round-form-values';

const WEIGHT_FIELDS = ['expertiseWeight', 'bidWeight'] as const;

/**
 * The round's settings for the automatic assignment: whether jurors may bid, how much expertise and
 * bids weigh in a pair's affinity, and the most applications a juror may be given.
 */
export function AutoAssignmentSettings({ control }: { control: Control<RoundFormValues> }) {
  const { t } = useTranslation('rounds');
  return (
    <Fieldset legend={t('settings.auto.legend')} radius="md">
      <Stack gap="md">
        <Controller
          control={control}
          name="biddingOpen"
          render={({ field }) => (
            <Switch
              label={t('settings.auto.biddingOpen')}
              description={t('settings.auto.biddingOpenHint')}
              checked={field.value}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              onBlur={field.onBlur}
              ref={field.ref}
            />
          )}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {WEIGHT_FIELDS.map((name) => (
            <Controller
              key={name}
              control={control}
              name={name}
              render={({ field, fieldState }) => (
                <NumberField
                  label={t(`settings.auto.${name}`)}
                  description={t(`settings.auto.${name}Hint`)}
                  min={0}
                  max={10}
                  allowDecimal={false}
                  allowNegative={false}
                  value={field.value}
                  onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  error={fieldState.error?.message}
                />
              )}
            />
          ))}
          <Controller
            control={control}
            name="assignmentCap"
            render={({ field, fieldState }) => (
              <NumberField
                label={t('settings.auto.assignmentCap')}
                description={t('settings.auto.assignmentCapHint')}
                placeholder={t('settings.auto.assignmentCapBalanced')}
                min={1}
                max={10_000}
                allowDecimal={false}
                allowNegative={false}
                // Empty means no cap: the loads then stay within one application of each other.
                value={field.value ?? ''}
                onChange={(value) => field.onChange(typeof value === 'number' ? value : value === '' ? null : Number.NaN)}
                onBlur={field.onBlur}
                ref={field.ref}
                error={fieldState.error?.message}
              />
            )}
          />
        </SimpleGrid>
      </Stack>
    </Fieldset>
  );
}
