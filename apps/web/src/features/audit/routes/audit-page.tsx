import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { AuditEventTable } from '../components/audit-event-table';
import { AuditExportButton } from '../components/audit-export-button';
import { AuditFiltersForm } from '../components/audit-filters';
import { auditFiltersToApiQuery, auditFiltersToSearchParams, parseAuditFilters, withAuditFilter, type AuditFilters } from '../filters';
import { auditQuery } from '../queries';
import '../audit.css';
import { PageNav } from '../../admin/components/page-nav';

const PAGE_SIZE = 50;
const NO_REFERENCES = {};

/** The audit trail: filters and page live in the URL, so a view can be reloaded or shared with a colleague. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  usePageTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const filters = parseAuditFilters(params);
  const trail = useQuery(auditQuery(auditFiltersToApiQuery(filters, PAGE_SIZE)));

  const applyFilters = (next: AuditFilters) => setParams(auditFiltersToSearchParams(next));
  const goToPage = (page: number) => setParams(auditFiltersToSearchParams({ ...filters, page }));
  const filterEntity = (entityType: string, entityId: string) => applyFilters(withAuditFilter(filters, { entityType, entityId, action: undefined }));

  const totalPages = trail.data ? Math.max(1, Math.ceil(trail.data.total / trail.data.pageSize)) : 1;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('heading')}</Title>
        <Text c="dimmed" maw={760}>
          {t('intro')}
        </Text>
      </Stack>
      <Alert variant="light" color="tahkim" maw={760}>
        {t('appendOnly')}
      </Alert>
      <Card withBorder radius="md" padding="md">
        <AuditFiltersForm filters={filters} actions={trail.data?.actions ?? []} entityTypes={trail.data?.entityTypes ?? []} references={trail.data?.references ?? NO_REFERENCES} onChange={applyFilters} />
      </Card>
      {trail.isPending ? (
        <PageLoader />
      ) : trail.isError ? (
        <LoadError error={trail.error} onRetry={() => void trail.refetch()} />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="center" wrap="wrap" gap="sm">
            <Text fw={600} role="status" aria-live="polite">
              {t('total', { count: trail.data.total })}
            </Text>
            <AuditExportButton filters={filters} />
          </Group>
          {trail.data.items.length === 0 ? <Text c="dimmed">{t('empty')}</Text> : <AuditEventTable events={trail.data.items} references={trail.data.references} onFilterEntity={filterEntity} />}
          <PageNav label={t('pagination.label')} total={totalPages} value={filters.page} onChange={goToPage} />
        </Stack>
      )}
    </Stack>
  );
}
