import { Button, Group, NativeSelect, SimpleGrid, Stack } from '@mantine/core';
import { ELIGIBILITY_SUGGESTIONS, MOROCCO_REGIONS } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { hasActiveFilters, type FlagFilter, type RankingView } from '../ranking-view';

const FLAG_OPTIONS: readonly FlagFilter[] = ['INCOMPLETE', 'DISAGREEMENT', 'none'];

/** Flags, region and eligibility suggestion: applied by the API over the whole ranking (the page goes back to the first). */
export function RankingFilters({ view, withRegion, onChange }: { view: RankingView; withRegion: boolean; onChange: (next: RankingView) => void }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const any = t('filters.any');
  return (
    <Stack gap="sm" role="search" aria-label={t('filters.label')}>
      <SimpleGrid cols={{ base: 1, xs: withRegion ? 3 : 2 }}>
        <NativeSelect
          label={t('filters.flag')}
          value={view.flag ?? ''}
          onChange={(event) => onChange({ ...view, flag: (event.currentTarget.value || undefined) as FlagFilter | undefined })}
          data={[{ value: '', label: any }, ...FLAG_OPTIONS.map((flag) => ({ value: flag, label: t(`filters.flags.${flag}`) }))]}
        />
        {withRegion ? (
          <NativeSelect
            label={t('filters.region')}
            value={view.region ?? ''}
            onChange={(event) => onChange({ ...view, region: event.currentTarget.value || undefined })}
            data={[{ value: '', label: any }, ...MOROCCO_REGIONS.map((region) => ({ value: region.value, label: localized(region.label, locale) }))]}
          />
        ) : null}
        <NativeSelect
          label={t('filters.eligibility')}
          value={view.eligibility ?? ''}
          onChange={(event) => onChange({ ...view, eligibility: (event.currentTarget.value || undefined) as RankingView['eligibility'] })}
          data={[{ value: '', label: any }, ...ELIGIBILITY_SUGGESTIONS.map((suggestion) => ({ value: suggestion, label: t(`filters.suggestions.${suggestion}`) }))]}
        />
      </SimpleGrid>
      {hasActiveFilters(view) ? (
        <Group>
          <Button variant="subtle" size="compact-sm" onClick={() => onChange({ method: view.method })}>
            {t('filters.clear')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
