import { Group, Pagination, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface PageNavProps {
  /** What the pages are of ("Pages of the ranking"): the navigation landmark's name. */
  label: string;
  /** Pages in all; nothing is shown for a single page. */
  total: number;
  /** The page shown, from 1. */
  value: number;
  onChange: (page: number) => void;
  mt?: MantineSpacing;
}

/**
 * The back office lists' page buttons: a named navigation landmark, first and last pages at the edges, every
 * button labelled in the interface language (mirrored in right-to-left pages).
 */
export function PageNav({ label, total, value, onChange, mt }: PageNavProps) {
  const { t } = useTranslation();
  if (total <= 1) return null;
  return (
    <Group justify="center" component="nav" aria-label={label} mt={mt}>
      <Pagination
        total={total}
        value={value}
        onChange={onChange}
        withEdges
        getItemProps={(item) => ({ 'aria-label': t('pagination.page', { page: item }) })}
        getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
      />
    </Group>
  );
}
