import { Badge, Card, Group, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { PROGRAMME_LIMITS } from '@tahkim/contracts';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateTimeField } from '../../../components/date-time-field';
import { casablancaLocalToUtc, casablancaOffsetLabel, isLocalDateTime } from '../../call-admin/casablanca-time';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import type { ProgrammeFormValues } from '../programme-form-values';
import { ItemActions } from './item-actions';
import { ItemKey } from './item-key';
import { ItemTextsTabs } from './item-texts-tabs';

interface MilestoneCardProps {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One milestone: its title and description per language, its due date in Casablanca time, whether a progress report is due. */
export function MilestoneCard({ index, count, onMove, onRemove }: MilestoneCardProps) {
  const { t } = useTranslation(['programme', 'callAdmin']);
  const { locale } = useLocale();
  const { control } = useFormContext<ProgrammeFormValues>();
  const item = `milestones.${index}` as const;
  const [key, title, dueAt] = useWatch({ control, name: [`${item}.key`, `${item}.title`, `${item}.dueAt`] });
  const number = index + 1;
  const name = localized(title, locale).trim();
  const zoneHint = dueAt && isLocalDateTime(dueAt) ? t('callAdmin:editor.hints.dateZone', { offset: casablancaOffsetLabel(casablancaLocalToUtc(dueAt)) }) : t('callAdmin:editor.hints.dateZoneGeneric');

  return (
    <Card withBorder radius="md" padding="md" component="fieldset" aria-label={t('milestones.item', { number })} data-testid="milestone" m={0} miw={0}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} miw={0} style={{ flex: '1 1 14rem' }}>
            <Group gap="xs">
              <Title order={3} size="h5">
                {t('milestones.item', { number })}
              </Title>
              {key ? null : (
                <Badge size="sm" variant="light" color="blue">
                  {t('milestones.new')}
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
              up: t('milestones.moveUp', { number }),
              down: t('milestones.moveDown', { number }),
              remove: t('milestones.remove', { number }),
              removeShort: t('remove'),
            }}
            onMove={onMove}
            onRemove={onRemove}
          />
        </Group>
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
        <ItemKey item={item} />
      </Stack>
    </Card>
  );
}
