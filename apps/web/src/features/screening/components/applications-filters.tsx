import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import {
  allFields,
  APPLICATION_STATUSES,
  ELIGIBILITY_SUGGESTIONS,
  MOROCCO_REGIONS,
  type TFormDefinition,
} from '@tahkim/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { choiceValue, DEFAULT_FILTERS, hasActiveFilters, withChoice, withFilter, type ApplicationFilters } from '../filters';

/** Status, region, eligibility suggestion, each choice question of the form, and a text search. */
export function ApplicationsFilters({ filters, form, onChange }: { filters: ApplicationFilters; form: TFormDefinition | undefined; onChange: (next: ApplicationFilters) => void }) {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  const [search, setSearch] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 400);

  // The URL changed under us (back button, a shared link): the box shows it.
  const [shownQ, setShownQ] = useState(filters.q);
  if (shownQ !== filters.q) {
    setShownQ(filters.q);
    setSearch(filters.q ?? '');
  }
  useEffect(() => {
    if ((debounced || undefined) !== filters.q) onChange(withFilter(filters, { q: debounced || undefined }));
    // Only a new debounced text triggers a search; filters and onChange are read at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const choiceFields = form ? allFields(form).filter((field) => field.type === 'SINGLE_CHOICE' || field.type === 'MULTIPLE_CHOICE') : [];
  const any = t('filters.any');

  return (
    <Stack gap="sm" role="search" aria-label={t('filters.label')}>
      <TextInput
        type="search"
        label={t('filters.search')}
        description={t('filters.searchHint')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maxLength={200}
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <NativeSelect
          label={t('filters.status')}
          value={filters.status ?? ''}
          onChange={(event) => onChange(withFilter(filters, { status: (event.currentTarget.value || undefined) as ApplicationFilters['status'] }))}
          data={[{ value: '', label: any }, ...APPLICATION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]}
        />
        <NativeSelect
          label={t('filters.region')}
          value={filters.region ?? ''}
          onChange={(event) => onChange(withFilter(filters, { region: event.currentTarget.value || undefined }))}
          data={[{ value: '', label: any }, ...MOROCCO_REGIONS.map((region) => ({ value: region.value, label: localized(region.label, locale) }))]}
        />
        <NativeSelect
          label={t('filters.eligibility')}
          value={filters.eligibility ?? ''}
          onChange={(event) => onChange(withFilter(filters, { eligibility: (event.currentTarget.value || undefined) as ApplicationFilters['eligibility'] }))}
          data={[{ value: '', label: any }, ...ELIGIBILITY_SUGGESTIONS.map((suggestion) => ({ value: suggestion, label: t(`suggestion.${suggestion}`) }))]}
        />
        {choiceFields.map((field) => (
          <NativeSelect
            key={field.key}
            label={localized(field.label, locale) || field.key}
            value={choiceValue(filters, field.key) ?? ''}
            onChange={(event) => onChange(withChoice(filters, field.key, event.currentTarget.value || undefined))}
            data={[{ value: '', label: any }, ...field.options.map((option) => ({ value: option.value, label: localized(option.label, locale) || option.value }))]}
          />
        ))}
      </SimpleGrid>
      {hasActiveFilters(filters) ? (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setSearch('');
              onChange({ ...DEFAULT_FILTERS, sort: filters.sort, order: filters.order });
            }}
          >
            {t('filters.reset')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
