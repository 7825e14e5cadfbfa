import { Button, Group, Text } from '@mantine/core';
import type { TApplicationNeighbours } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber } from '../../../lib/number-format';
import { useLocale } from '../../locale/use-locale';
import { dossierLink, type ApplicationFilters } from '../filters';

/** A link to a neighbour, or a disabled button where the list ends (a link cannot be disabled). */
function Step({ to, label }: { to: string | null; label: string }) {
  return to ? (
    <Button component={Link} to={to} variant="default" size="xs">
      {label}
    </Button>
  ) : (
    <Button variant="default" size="xs" disabled>
      {label}
    </Button>
  );
}

/** Previous and next dossiers of the list this one was opened from (same filter, same order). */
export function DossierNavigation({ neighbours, filters }: { neighbours: TApplicationNeighbours | undefined; filters: ApplicationFilters }) {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  if (!neighbours) return null;
  return (
    <Group component="nav" aria-label={t('dossierNav.label')} gap="xs" wrap="wrap">
      <Step to={neighbours.previousId && dossierLink(neighbours.previousId, filters)} label={t('dossierNav.previous')} />
      {neighbours.position !== null ? (
        <Text size="sm" c="dimmed">
          {t('dossierNav.position', { position: formatNumber(neighbours.position, locale), total: formatNumber(neighbours.total, locale) })}
        </Text>
      ) : null}
      <Step to={neighbours.nextId && dossierLink(neighbours.nextId, filters)} label={t('dossierNav.next')} />
    </Group>
  );
}
