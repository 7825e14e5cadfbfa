import { Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { PROGRAMME_LIMITS } from '@tahkim/contracts';
import { useRef, useState } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { InboxIcon } from '../../../components/icons';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { newIndicator, type ProgrammeFormValues } from '../programme-form-values';
import { IndicatorCard } from './indicator-card';
import { ProgrammeSection } from './programme-section';
import { RemoveItemModal } from './remove-item-modal';

/** The programme's indicators, in order: added, reordered, removed (after a confirmation when saved). */
export function IndicatorsSection() {
  const { t } = useTranslation('programme');
  const { locale } = useLocale();
  const { control, getValues } = useFormContext<ProgrammeFormValues>();
  const { errors } = useFormState({ control, name: 'indicators' });
  const indicators = useFieldArray({ control, name: 'indicators' });
  const values = useWatch({ control, name: 'indicators' });
  const addButton = useRef<HTMLButtonElement>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const count = indicators.fields.length;
  const withTarget = values.filter((indicator) => indicator.target !== null && indicator.target !== undefined).length;
  const listError = errors.indicators?.message ?? errors.indicators?.root?.message;

  const remove = (index: number) => {
    // The focus leaves the item before it goes: a blur on a removed input would write its field back into the form.
    addButton.current?.focus();
    indicators.remove(index);
    setRemoving(null);
  };
  const askToRemove = (index: number) => (getValues(`indicators.${index}.key`) ? setRemoving(index) : remove(index));
  const removingName = removing === null ? '' : localized(getValues(`indicators.${removing}.label`), locale).trim();

  return (
    <ProgrammeSection
      id="programme-indicators"
      title={t('indicators.title')}
      intro={t('indicators.intro')}
      summary={
        count > 0 ? (
          <Group gap="md" data-testid="indicators-summary">
            <Text size="sm" fw={500}>
              {t('indicators.count', { count })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('indicators.withTarget', { count: withTarget })}
            </Text>
          </Group>
        ) : null
      }
    >
      {count === 0 ? (
        <EmptyState withIndicatorBackground icon={<InboxIcon size={28} />} title={t('indicators.emptyTitle')} description={t('indicators.empty')} />
      ) : (
        <Stack component="ol" gap="md" className="plain-list">
          {indicators.fields.map((field, index) => (
            <li key={field.id}>
              <IndicatorCard index={index} count={count} onMove={(to) => indicators.move(index, to)} onRemove={() => askToRemove(index)} />
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
        <Button
          ref={addButton}
          variant="light"
          disabled={count >= PROGRAMME_LIMITS.indicators}
          onClick={() => indicators.append(newIndicator(), { focusName: `indicators.${count}.label.${locale}` })}
        >
          {t('indicators.add')}
        </Button>
        {count >= PROGRAMME_LIMITS.indicators ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t('indicators.limit', { max: PROGRAMME_LIMITS.indicators })}
          </Text>
        ) : null}
      </div>
      <RemoveItemModal
        removing={
          removing === null
            ? null
            : {
                title: removingName ? t('indicators.confirmRemoveNamed', { name: removingName }) : t('indicators.confirmRemove', { number: removing + 1 }),
                body: t('indicators.confirmRemoveBody'),
              }
        }
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing !== null && remove(removing)}
      />
    </ProgrammeSection>
  );
}
