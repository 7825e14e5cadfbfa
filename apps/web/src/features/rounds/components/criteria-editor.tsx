import { zodResolver } from '../../../lib/form-resolver';
import { ActionIcon, Alert, Badge, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LOCALES, type TCriterion } from '@tahkim/contracts';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { formatPercent } from '../../../lib/number-format';
import { roundedShares } from '../../../lib/shares';
import { textDirection } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import {
  criteriaToFormValues,
  newCriterionRow,
  toPutCriteriaRequest,
  ZCriteriaFormValues,
  type CriteriaFormValues,
} from '../criteria-form';
import { useSaveCriteriaMutation } from '../mutations';
import { NumberField } from '../../../components/number-field';

const SCALE_FIELDS = ['scaleMin', 'scaleMax'] as const;

function isCriteriaLocked(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status !== 409) return false;
  const details = error.details as { reason?: unknown } | undefined;
  return details?.reason === 'CRITERIA_LOCKED';
}

/** Each weight's share of the total, read live from the form so it moves as staff type. */
function WeightShare({ control, index }: { control: Control<CriteriaFormValues>; index: number }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const rows = useWatch({ control, name: 'criteria' });
  // Whole percents that add up to exactly 100, as on the scorecard and the ranking.
  const shares = roundedShares(rows.map((row) => Number(row.weight)));
  return (
    <Badge variant="light" size="lg" aria-live="polite" data-testid={`share-${index}`}>
      {t('criteria.share', { share: formatPercent(shares[index] ?? 0, locale, 0) })}
    </Badge>
  );
}

/**
 * The round's weighted criteria: per-language label and guidance, weight (with its share in percent),
 * scale, order. Once a scorecard is submitted the criteria are fixed; changing them then takes an
 * explicit, audited reset that sends every submitted scorecard back to its juror.
 */
export function CriteriaEditor({ roundId, items, locked }: { roundId: string; items: TCriterion[]; locked: boolean }) {
  const { t } = useTranslation(['rounds', 'common']);
  const save = useSaveCriteriaMutation(roundId);
  const [confirmReset, setConfirmReset] = useState(false);
  const form = useForm<CriteriaFormValues>({
    resolver: zodResolver(ZCriteriaFormValues),
    defaultValues: items.length > 0 ? criteriaToFormValues(items) : { criteria: [newCriterionRow([])] },
  });
  const { control, register, handleSubmit, formState, getFieldState } = form;
  const rows = useFieldArray({ control, name: 'criteria', keyName: 'rowId' });

  const submit = (reset: boolean) =>
    handleSubmit(async (values) => {
      try {
        await save.mutateAsync(toPutCriteriaRequest(values, reset));
        setConfirmReset(false);
        form.reset(values);
        notifications.show({ color: 'tahkim', message: reset ? t('criteria.resetDone') : t('criteria.saved') });
      } catch (error) {
        if (!reset && isCriteriaLocked(error)) {
          setConfirmReset(true);
          return;
        }
        setConfirmReset(false);
        applyApiErrorToForm(error, form);
      }
    });

  const error = (name: Parameters<typeof getFieldState>[0]) => getFieldState(name, formState).error?.message;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (locked) setConfirmReset(true);
        else void submit(false)();
      }}
    >
      <Stack gap="md">
        {locked ? (
          <Alert color="orange" variant="light" title={t('criteria.lockedTitle')}>
            {t('criteria.lockedBody')}
          </Alert>
        ) : null}
        {rows.fields.map((row, index) => (
          <Card key={row.rowId} withBorder radius="md" padding="md" component="fieldset" aria-label={t('criteria.rowLabel', { number: index + 1 })}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Title order={2} size="h5">
                  {t('criteria.rowLabel', { number: index + 1 })}
                </Title>
                <Group gap={4}>
                  <ActionIcon variant="default" aria-label={t('criteria.moveUp', { number: index + 1 })} disabled={index === 0} onClick={() => rows.move(index, index - 1)}>
                    <span aria-hidden="true">↑</span>
                  </ActionIcon>
                  <ActionIcon
                    variant="default"
                    aria-label={t('criteria.moveDown', { number: index + 1 })}
                    disabled={index === rows.fields.length - 1}
                    onClick={() => rows.move(index, index + 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </ActionIcon>
                  <Button variant="subtle" color="red" size="xs" disabled={rows.fields.length === 1} onClick={() => rows.remove(index)}>
                    {t('criteria.remove')}
                  </Button>
                </Group>
              </Group>
              <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
                {LOCALES.map((lng) => (
                  <TextInput
                    key={lng}
                    label={t('criteria.label', { language: t('common:language.nativeName', { lng }) })}
                    dir={textDirection(lng)}
                    lang={lng}
                    error={error(`criteria.${index}.label.${lng}`)}
                    {...register(`criteria.${index}.label.${lng}`)}
                  />
                ))}
                {LOCALES.map((lng) => (
                  <Textarea
                    key={lng}
                    label={t('criteria.guidance', { language: t('common:language.nativeName', { lng }) })}
                    dir={textDirection(lng)}
                    lang={lng}
                    rows={2}
                    error={error(`criteria.${index}.guidance.${lng}`)}
                    {...register(`criteria.${index}.guidance.${lng}`)}
                  />
                ))}
              </SimpleGrid>
              <Group gap="sm" align="flex-end" wrap="wrap">
                <Controller
                  control={control}
                  name={`criteria.${index}.weight`}
                  render={({ field, fieldState }) => (
                    <NumberField
                      label={t('criteria.weight')}
                      min={0}
                      max={1000}
                      decimalScale={2}
                      w={120}
                      value={field.value}
                      onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                      onBlur={field.onBlur}
                      ref={field.ref}
                      error={fieldState.error?.message}
                    />
                  )}
                />
                <WeightShare control={control} index={index} />
                {SCALE_FIELDS.map((name) => (
                  <Controller
                    key={name}
                    control={control}
                    name={`criteria.${index}.${name}`}
                    render={({ field, fieldState }) => (
                      <NumberField
                        label={t(`criteria.${name}`)}
                        min={-100}
                        max={100}
                        allowDecimal={false}
                        w={110}
                        value={field.value}
                        onChange={(value) => field.onChange(typeof value === 'number' ? value : Number.NaN)}
                        onBlur={field.onBlur}
                        ref={field.ref}
                        error={fieldState.error?.message}
                      />
                    )}
                  />
                ))}
              </Group>
            </Stack>
          </Card>
        ))}
        {formState.errors.root?.server ? (
          <Alert color="red" variant="light" role="alert">
            {formState.errors.root.server.message}
          </Alert>
        ) : null}
        <Group justify="space-between" wrap="wrap">
          <Button variant="default" disabled={rows.fields.length >= 30} onClick={() => rows.append(newCriterionRow(form.getValues('criteria')))}>
            {t('criteria.add')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('criteria.save')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirmReset} onClose={() => setConfirmReset(false)} title={t('criteria.resetTitle')} centered>
        <Stack gap="md">
          <Text>{t('criteria.resetBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReset(false)} data-autofocus>
              {t('actions.cancel')}
            </Button>
            <Button color="red" loading={save.isPending} onClick={() => void submit(true)()}>
              {t('criteria.resetConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  );
}
