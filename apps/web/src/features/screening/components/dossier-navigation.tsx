import { Button, Group, Text } from '@mantine/core';
import type { TApplicationNeighbours } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../lib/number-format';
import { useLocale } from '../../locale/use-locale';
import { dossierLink, type ApplicationFilters } from '../filters';

/** Previous and next dossiers of the list this one was opened from (same filter, same order). */
export function DossierNavigation({ neighbours, filters }: { neighbours: TApplicationNeighbours | undefined; filters: ApplicationFilters }) {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  if (!neighbours) return null;
  return (
    <Group component="nav" aria-label={t('dossierNav.label')} gap="xs" wrap="wrap">
      <Button component={Link} to={neighbours.previousId ? dossierLink(neighbours.previousId, filters) : '#'} variant="default" size="xs" disabled={!neighbours.previousId}>
        {t('dossierNav.previous')}
      </Button>
      {neighbours.position !== null ? (
        <Text size="sm" c="dimmed">
          {t('dossierNav.position', { position: formatNumber(neighbours.position, locale), total: formatNumber(neighbours.total, locale) })}
        </Text>
      ) : null}
      <Button component={Link} to={neighbours.nextId ? dossierLink(neighbours.nextId, filters) : '#'} variant="default" size="xs" disabled={!neighbours.nextId}>
        {t('dossierNav.next')}
      </Button>
    </Group>
  );
}
