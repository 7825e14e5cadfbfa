import { zodResolver } from '../../../lib/form-resolver';
import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LOCALES, RANKING_METHODS, ROUND_STATUSES, ROUND_TYPES, type TRound } from '@tahkim/contracts';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { textDirection } from '../../call-admin/call-display';
import { useUpdateRoundMutation } from '../mutations';
import { roundToFormValues, toUpdateRoundRequest, ZRoundFormValues, type RoundFormValues } from '../round-form-values';
import { DateTimeField } from '../../../components/date-time-field';
import { NumberField } from '../../../components/number-field';
import { AutoAssignmentSettings } from './auto-assignment-settings';

const NUMBER_FIELDS = ['scorecardsRequired', 'disagreementThreshold'] as const;

/** The two dates, typed in Casablanca wall-clock time. */
const DATE_FIELDS = ['opensAt', 'closesAt'] as const;

/** A round's settings: names, kind, blindness, scorecards required, disagreement threshold, method, dates, status, automatic assignment. */
export function RoundSettingsForm({ round }: { round: TRound }) {
  const { t } = useTranslation(['rounds', 'common']);
  const update = useUpdateRoundMutation(round);
  const form = useForm<RoundFormValues>({ resolver: zodResolver(ZRoundFormValues), defaultValues: roundToFormValues(round) });
  const { control, register, formState, getFieldState, handleSubmit } = form;
  const error = (name: Parameters<typeof getFieldState>[0]) => getFieldState(name, formState).error?.message;

  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        try {
          const saved = await update.mutateAsync(toUpdateRoundRequest(values));
          form.reset(roundToFormValues(saved));
          notifications.show({ color: 'tahkim', message: t('settings.saved') });
        } catch (failure) {
          applyApiErrorToForm(failure, form);
        }
      })}
    >
      <Card withBorder radius="md" padding="md">
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
            {LOCALES.map((lng) => (
              <TextInput
                key={lng}
                label={t('settings.name', { language: t('common:language.nativeName', { lng }) })}
                dir={textDirection(lng)}
                lang={lng}
                error={error(`name.${lng}`)}
                {...register(`name.${lng}`)}
              />
            ))}
          </SimpleGrid>
          <Controller
            control={control}
            name="type"
            render={({ field, fieldState }) => (
              <Select
                label={t('settings.type')}
                description={round.typeLocked ? t('settings.typeLocked') : t(`kindHints.${field.value}`)}
                data={ROUND_TYPES.map((type) => ({ value: type, label: t(`kinds.${type}`) }))}
                value={field.value}
                onChange={(value) => field.onChange(value)}
                allowDeselect={false}
                disabled={round.typeLocked}
                error={fieldState.error?.message}
                maw={480}
              />
            )}
          />
          <Controller
            control={control}
            name="blind"
            render={({ field }) => (
              <Switch
                label={t('settings.blind')}
                description={t('settings.blindHint')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                ref={field.ref}
              />
            )}
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
            {NUMBER_FIELDS.map((name) => (
              <Controller
                key={name}
                control={control}
                name={name}
                render={({ field, fieldState }) => (
                  <NumberField
                    label={t(`settings.${name}`)}
                    description={t(`settings.${name}Hint`)}
                    min={name === 'scorecardsRequired' ? 1 : 0}
                    max={name === 'scorecardsRequired' ? 20 : 100}
                    allowDecimal={name === 'disagreementThreshold'}
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
              name="method"
              render={({ field, fieldState }) => (
                <Select
                  label={t('settings.method')}
                  description={t('settings.methodHint')}
                  data={RANKING_METHODS.map((method) => ({ value: method, label: t(`settings.methods.${method}`) }))}
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  allowDeselect={false}
                  error={fieldState.error?.message}
                />
              )}
            />
            <Controller
              control={control}
              name="status"
              render={({ field, fieldState }) => (
                <Select
                  label={t('settings.status')}
                  description={t(round.status === 'OPEN' ? 'settings.statusHint' : 'settings.statusOpenHint')}
                  // Opening is its own action ("Open the round"), with its checks and confirmation.
                  data={ROUND_STATUSES.filter((status) => status !== 'OPEN' || round.status === 'OPEN').map((status) => ({ value: status, label: t(`status.${status}`) }))}
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  allowDeselect={false}
                  error={fieldState.error?.message}
                />
              )}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {DATE_FIELDS.map((name) => (
              <Controller
                key={name}
                control={control}
                name={name}
                render={({ field, fieldState }) => (
                  <DateTimeField
                    label={t(`settings.${name}`)}
                    description={t('settings.timeHint')}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    inputRef={field.ref}
                    error={fieldState.error?.message}
                  />
                )}
              />
            ))}
          </SimpleGrid>
          <AutoAssignmentSettings control={control} />
          {formState.errors.root?.server ? (
            <Alert color="red" variant="light" role="alert">
              {formState.errors.root.server.message}
            </Alert>
          ) : null}
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('settings.counts', round.counts)}
            </Text>
            <Button type="submit" loading={formState.isSubmitting} disabled={!formState.isDirty}>
              {t('settings.save')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </form>
  );
}
