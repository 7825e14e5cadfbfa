import { Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import { PROGRAMME_LIMITS } from '@tahkim/contracts';
import { useRef, useState } from 'react';
import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { InboxIcon } from '../../../components/icons';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { newMilestone, type ProgrammeFormValues } from '../programme-form-values';
import { MilestoneCard } from './milestone-card';
import { ProgrammeSection } from './programme-section';
import { RemoveItemModal } from './remove-item-modal';

/** The programme's milestones, in order: added, reordered, removed (after a confirmation when saved). */
export function MilestonesSection() {
  const { t } = useTranslation('programme');
  const { locale } = useLocale();
  const { control, getValues } = useFormContext<ProgrammeFormValues>();
  const { errors } = useFormState({ control, name: 'milestones' });
  const milestones = useFieldArray({ control, name: 'milestones' });
  const values = useWatch({ control, name: 'milestones' });
  const addButton = useRef<HTMLButtonElement>(null);
  const [removing, setRemoving] = useState<number | null>(null);
  const count = milestones.fields.length;
  const reports = values.filter((milestone) => milestone.reportDue).length;
  const listError = errors.milestones?.message ?? errors.milestones?.root?.message;

  const remove = (index: number) => {
    // The focus leaves the item before it goes: a blur on a removed input would write its field back into the form.
    addButton.current?.focus();
    milestones.remove(index);
    setRemoving(null);
  };
  const askToRemove = (index: number) => (getValues(`milestones.${index}.key`) ? setRemoving(index) : remove(index));
  const removingName = removing === null ? '' : localized(getValues(`milestones.${removing}.title`), locale).trim();

  return (
    <ProgrammeSection
      id="programme-milestones"
      title={t('milestones.title')}
      intro={t('milestones.intro')}
      summary={
        count > 0 ? (
          <Group gap="md" data-testid="milestones-summary">
            <Text size="sm" fw={500}>
              {t('milestones.count', { count })}
            </Text>
            <Text size="sm" c="dimmed">
              {t('milestones.reports', { count: reports })}
            </Text>
          </Group>
        ) : null
      }
    >
      {count === 0 ? (
        <EmptyState withIndicatorBackground icon={<InboxIcon size={28} />} title={t('milestones.emptyTitle')} description={t('milestones.empty')} />
      ) : (
        <Stack component="ol" gap="md" className="plain-list">
          {milestones.fields.map((field, index) => (
            <li key={field.id}>
              <MilestoneCard index={index} count={count} onMove={(to) => milestones.move(index, to)} onRemove={() => askToRemove(index)} />
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
          disabled={count >= PROGRAMME_LIMITS.milestones}
          onClick={() => milestones.append(newMilestone(), { focusName: `milestones.${count}.title.${locale}` })}
        >
          {t('milestones.add')}
        </Button>
        {count >= PROGRAMME_LIMITS.milestones ? (
          <Text size="xs" c="dimmed" mt={4}>
            {t('milestones.limit', { max: PROGRAMME_LIMITS.milestones })}
          </Text>
        ) : null}
      </div>
      <RemoveItemModal
        removing={
          removing === null
            ? null
            : {
                title: removingName ? t('milestones.confirmRemoveNamed', { name: removingName }) : t('milestones.confirmRemove', { number: removing + 1 }),
                body: t('milestones.confirmRemoveBody'),
              }
        }
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing !== null && remove(removing)}
      />
    </ProgrammeSection>
  );
}
