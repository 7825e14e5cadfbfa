import { ActionIcon, Alert, Button, Card, Group, MultiSelect, NativeSelect, Stack, Text } from '@mantine/core';
import { allFields, fieldOptions, type TEligibilityRule, type TFormDefinition, type TFormField } from '@tahkim/contracts';
import { Controller, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/use-locale';
import { localized } from '../call-display';
import type { CallFormValues } from '../call-form-values';
import { NumberField } from '../../../components/number-field';

const RULE_KINDS = ['IN_LIST', 'AT_MOST', 'AT_LEAST'] as const;
type RuleKind = (typeof RULE_KINDS)[number];

/** Which fields a rule of each kind can test: a list of options, or an amount. */
export function fieldsForRule(kind: RuleKind, form: TFormDefinition): TFormField[] {
  const types: readonly TFormField['type'][] = kind === 'IN_LIST' ? ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'REGION'] : ['NUMBER', 'MONEY'];
  return allFields(form).filter((field) => types.includes(field.type));
}

function emptyRule(kind: RuleKind, fieldKey: string): TEligibilityRule {
  if (kind === 'IN_LIST') return { kind, fieldKey, values: [] };
  if (kind === 'AT_MOST') return { kind, fieldKey, max: 0 };
  return { kind, fieldKey, min: 0 };
}

function RuleRow({ index, form, onRemove }: { index: number; form: TFormDefinition; onRemove: () => void }) {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const { control, setValue, getFieldState, formState } = useFormContext<CallFormValues>();
  const rule = useWatch({ control, name: `eligibilityRules.${index}` }) as TEligibilityRule;
  const candidates = fieldsForRule(rule.kind, form);
  const field = candidates.find((candidate) => candidate.key === rule.fieldKey);
  const error = (path: string) => getFieldState(`eligibilityRules.${index}.${path}` as `eligibilityRules.${number}`, formState).error?.message;
  const ruleLabel = t('editor.rules.ruleNumber', { number: index + 1 });
  const fieldKeyError = error('fieldKey');

  const replace = (next: TEligibilityRule) => setValue(`eligibilityRules.${index}`, next, { shouldDirty: true, shouldValidate: formState.isSubmitted });

  return (
    <Card withBorder radius="md" padding="sm" role="group" aria-label={ruleLabel}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600} size="sm">
            {ruleLabel}
          </Text>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('editor.rules.remove', { number: index + 1 })}>
            <span aria-hidden="true">×</span>
          </ActionIcon>
        </Group>
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('editor.rules.kind')}
            value={rule.kind}
            data={RULE_KINDS.map((kind) => ({ value: kind, label: t(`editor.rules.kinds.${kind}`) }))}
            onChange={(event) => {
              const kind = event.currentTarget.value as RuleKind;
              replace(emptyRule(kind, fieldsForRule(kind, form)[0]?.key ?? ''));
            }}
          />
          <NativeSelect
            label={t('editor.rules.field')}
            value={rule.fieldKey}
            error={fieldKeyError}
            data={[
              { value: '', label: t('editor.rules.chooseField'), disabled: true },
              ...candidates.map((candidate) => ({ value: candidate.key, label: localized(candidate.label, locale) || candidate.key })),
            ]}
            onChange={(event) => replace(emptyRule(rule.kind, event.currentTarget.value))}
          />
        </Group>
        {rule.kind === 'IN_LIST' ? (
          <Controller
            control={control}
            name={`eligibilityRules.${index}.values` as `eligibilityRules.${number}`}
            render={({ field: input, fieldState }) => (
              <MultiSelect
                label={t('editor.rules.values')}
                description={t('editor.rules.valuesHint')}
                data={field ? fieldOptions(field).map((option) => ({ value: option.value, label: localized(option.label, locale) || option.value })) : []}
                value={(input.value as unknown as string[]) ?? []}
                onChange={input.onChange}
                onBlur={input.onBlur}
                searchable
                error={fieldState.error?.message}
                disabled={!field}
              />
            )}
          />
        ) : (
          <Controller
            control={control}
            name={`eligibilityRules.${index}.${rule.kind === 'AT_MOST' ? 'max' : 'min'}` as `eligibilityRules.${number}`}
            render={({ field: input, fieldState }) => (
              <NumberField
                label={t(rule.kind === 'AT_MOST' ? 'editor.rules.max' : 'editor.rules.min')}
                description={field?.type === 'MONEY' ? t('editor.rules.inDirhams') : undefined}
                value={input.value as unknown as number}
                onChange={(value) => input.onChange(typeof value === 'number' ? value : undefined)}
                onBlur={input.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        )}
      </Stack>
    </Card>
  );
}

/**
 * Automatic eligibility rules: they only pre-sort submitted applications (likely eligible / likely
 * ineligible); staff confirm each screening decision.
 */
export function EligibilityRulesEditor({ form }: { form: TFormDefinition | undefined }) {
  const { t } = useTranslation('callAdmin');
  const { control } = useFormContext<CallFormValues>();
  const rules = useFieldArray({ control, name: 'eligibilityRules' });

  if (!form) {
    return (
      <Alert color="gray" variant="light">
        {t('editor.rules.needsForm')}
      </Alert>
    );
  }
  const firstKind = RULE_KINDS.find((kind) => fieldsForRule(kind, form).length > 0);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('editor.rules.intro')}
      </Text>
      {rules.fields.map((rule, index) => (
        <RuleRow key={rule.id} index={index} form={form} onRemove={() => rules.remove(index)} />
      ))}
      {firstKind ? (
        <Button variant="default" style={{ alignSelf: 'flex-start' }} onClick={() => rules.append(emptyRule(firstKind, fieldsForRule(firstKind, form)[0]!.key))}>
          {t('editor.rules.add')}
        </Button>
      ) : (
        <Text size="sm" c="dimmed">
          {t('editor.rules.noEligibleFields')}
        </Text>
      )}
    </Stack>
  );
}
