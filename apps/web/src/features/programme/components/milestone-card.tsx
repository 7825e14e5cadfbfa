import { SimpleGrid, Switch } from '@mantine/core';
import { PROGRAMME_LIMITS } from '@tahkim/contracts';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateTimeField } from '../../../components/date-time-field';
import { casablancaLocalToUtc, casablancaOffsetLabel, isLocalDateTime } from '../../call-admin/casablanca-time';
import type { ProgrammeFormValues } from '../programme-form-values';
import { ItemTextsTabs } from './item-texts-tabs';
import { ProgrammeItemCard, type ItemCardProps } from './programme-item-card';

/** One milestone: its title and description per language, its due date in Casablanca time, whether a progress report is due. */
export function MilestoneCard(props: ItemCardProps) {
  const { t } = useTranslation(['programme', 'callAdmin']);
  const { control } = useFormContext<ProgrammeFormValues>();
  const item = `milestones.${props.index}` as const;
  const dueAt = useWatch({ control, name: `${item}.dueAt` });
  const zoneHint = dueAt && isLocalDateTime(dueAt) ? t('callAdmin:editor.hints.dateZone', { offset: casablancaOffsetLabel(casablancaLocalToUtc(dueAt)) }) : t('callAdmin:editor.hints.dateZoneGeneric');

  return (
    <ProgrammeItemCard list="milestones" m={0} {...props}>
      <ItemTextsTabs
        item={item}
        parts={[
          { name: 'title', label: t('milestones.titleField'), max: PROGRAMME_LIMITS.title, missing: t('errors.title') },
          { name: 'description', label: t('milestones.descriptionField'), hint: t('milestones.descriptionHint'), max: PROGRAMME_LIMITS.description, multiline: true },
        ]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Controller
          control={control}
          name={`${item}.dueAt`}
          render={({ field, fieldState }) => (
            <DateTimeField
              label={t('milestones.dueAt')}
              description={zoneHint}
              required
              // Undefined for a moment while a removed milestone's field leaves the form.
              value={field.value ?? ''}
              onChange={field.onChange}
              onBlur={field.onBlur}
              inputRef={field.ref}
              error={fieldState.error?.message}
            />
          )}
        />
        <Controller
          control={control}
          name={`${item}.reportDue`}
          render={({ field }) => (
            <Switch
              mt={{ sm: 'lg' }}
              label={t('milestones.reportDue')}
              description={t('milestones.reportDueHint')}
              checked={field.value ?? false}
              onChange={(event) => field.onChange(event.currentTarget.checked)}
              onBlur={field.onBlur}
              ref={field.ref}
              name={field.name}
            />
          )}
        />
      </SimpleGrid>
    </ProgrammeItemCard>
  );
}
