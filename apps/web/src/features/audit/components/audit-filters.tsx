import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { TAuditReference } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { actionFamilies, isolate, shortId } from '../audit-labels';
import { DEFAULT_AUDIT_FILTERS, hasActiveAuditFilters, isDay, withAuditFilter, type AuditFilters } from '../filters';
import { useAuditDescriber, useAuditLabels } from '../use-audit-labels';

const DAY_FILTERS = ['from', 'to'] as const;

/**
 * The first or last day of the range, typed day/month/year whatever the browser's language. The filter
 * changes once the text is a real day (or is emptied); until then the text stays as typed, with an
 * error once it cannot become a day.
 */
function DayFilter({ name, filters, onChange }: { name: (typeof DAY_FILTERS)[number]; filters: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const { t } = useTranslation(['audit', 'common']);
  const [text, setText] = useState(filters[name] ?? '');
  // The URL changed under us (back button, a shared link, reset): the box shows it.
  const [shown, setShown] = useState(filters[name]);
  if (shown !== filters[name]) {
    setShown(filters[name]);
    setText(filters[name] ?? '');
  }
  const [checked, setChecked] = useState(false);
  const impossible = checked && text.trim() !== '' && !isDay(text);
  const beforeFrom = name === 'to' && filters.from !== undefined && filters.to !== undefined && filters.to < filters.from;

  return (
    <DateField
      label={t(`filters.${name}`)}
      description={t('filters.timeHint')}
      placeholder={t('common:dateTime.datePlaceholder')}
      value={text}
      error={impossible ? t('common:dateTime.errors.date') : beforeFrom ? t('common:dateTime.errors.range') : undefined}
      onChange={(next) => {
        setText(next);
        if (next === '' || isDay(next)) {
          setChecked(false);
          if (next !== (filters[name] ?? '')) onChange(withAuditFilter(filters, { [name]: next || undefined }));
        }
      }}
      onBlur={() => setChecked(true)}
    />
  );
}

interface AuditFiltersProps {
  filters: AuditFilters;
  /** Every action and entity type present in the trail (from the API). */
  actions: readonly string[];
  entityTypes: readonly string[];
  /** What the page's ids point to, to name the one record the trail is filtered on. */
  references: Readonly<Record<string, TAuditReference>>;
  onChange: (next: AuditFilters) => void;
}

/** Action (or a family of actions), entity type, who did it, and a range of days in Casablanca. */
export function AuditFiltersForm({ filters, actions, entityTypes, references, onChange }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const labels = useAuditLabels();
  const describer = useAuditDescriber(references);
  const [actor, setActor] = useState(filters.actor ?? '');
  const [debounced] = useDebouncedValue(actor.trim(), 400);

  // The URL changed under us (back button, a shared link): the box shows it.
  const [shownActor, setShownActor] = useState(filters.actor);
  if (shownActor !== filters.actor) {
    setShownActor(filters.actor);
    setActor(filters.actor ?? '');
  }
  useEffect(() => {
    if ((debounced || undefined) !== filters.actor) onChange(withAuditFilter(filters, { actor: debounced || undefined }));
    // Only a new debounced text triggers a search; filters and onChange are read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  // A filter from a shared link stays selectable even if no such entry exists any more.
  const actionCodes = [...new Set([...actions, ...(filters.action && !filters.action.endsWith('.') ? [filters.action] : [])])];
  const chosenFamily = filters.action?.endsWith('.') ? filters.action.slice(0, -1) : undefined;
  const families = [...new Set([...actionFamilies(actionCodes), ...(chosenFamily ? [chosenFamily] : [])])];
  const types = [...new Set([...entityTypes, ...(filters.entityType ? [filters.entityType] : [])])];
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label);

  return (
    <Stack gap="sm" role="search" aria-label={t('filters.label')}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }}>
        <NativeSelect
          label={t('filters.action')}
          value={filters.action ?? ''}
          onChange={(event) => onChange(withAuditFilter(filters, { action: event.currentTarget.value || undefined }))}
          data={[
            { value: '', label: t('filters.allActions') },
            { group: t('filters.families'), items: families.map((family) => ({ value: `${family}.`, label: labels.family(family) })).sort(byLabel) },
            { group: t('filters.actions'), items: actionCodes.map((action) => ({ value: action, label: labels.action(action) })).sort(byLabel) },
          ]}
        />
        <NativeSelect
          label={t('filters.entityType')}
          value={filters.entityType ?? ''}
          onChange={(event) => onChange(withAuditFilter(filters, { entityType: event.currentTarget.value || undefined }))}
          data={[{ value: '', label: t('filters.allEntityTypes') }, ...types.map((type) => ({ value: type, label: labels.entityType(type) })).sort(byLabel)]}
        />
        <TextInput
          type="search"
          label={t('filters.actor')}
          description={t('filters.actorHint')}
          value={actor}
          onChange={(event) => setActor(event.currentTarget.value)}
          maxLength={200}
          autoComplete="off"
        />
        {DAY_FILTERS.map((name) => (
          <DayFilter key={name} name={name} filters={filters} onChange={onChange} />
        ))}
      </SimpleGrid>
      {filters.entityId ? (
        <Group gap="xs" wrap="wrap">
          <Text size="sm" title={filters.entityId}>
            {references[filters.entityId.toLowerCase()]
              ? t('filters.entityNamed', { target: describer.referenceText(filters.entityId, filters.entityType ?? 'other') })
              : t('filters.entity', { type: filters.entityType ? labels.entityType(filters.entityType) : '', id: isolate(shortId(filters.entityId)) })}
          </Text>
          <Button variant="subtle" size="xs" onClick={() => onChange(withAuditFilter(filters, { entityId: undefined }))}>
            {t('filters.clearEntity')}
          </Button>
        </Group>
      ) : null}
      {hasActiveAuditFilters(filters) ? (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => {
              setActor('');
              onChange(DEFAULT_AUDIT_FILTERS);
            }}
          >
            {t('filters.reset')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
