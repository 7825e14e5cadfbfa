import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { callFormQuery, callQuery } from '../../call-admin/queries';
import { useLocale } from '../../locale/use-locale';
import { ApplicationsFilters } from '../components/applications-filters';
import { ApplicationsTable } from '../components/applications-table';
import { BulkScreeningBar } from '../components/bulk-screening-bar';
import { ExportButtons } from '../components/export-buttons';
import { filtersToSearchParams, parseFilters, type ApplicationFilters } from '../filters';
import { callApplicationsQuery } from '../queries';
import { PageNav } from '../../admin/components/page-nav';

/** A call's incoming applications: filters, sort and page live in the URL, so a view can be shared. */
export function CallApplicationsPage() {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const call = useQuery(callQuery(id));
  const form = useQuery(callFormQuery(id));
  const applications = useQuery(callApplicationsQuery(id, filters));
  const title = call.data ? localized(call.data.title, locale) || call.data.slug : '';
  usePageTitle(t('list.title', { call: title }));

  // The selection belongs to one filter: changing the filter (not the page) starts a new one.
  const selectionKey = filtersToSearchParams({ ...filters, page: 1 }).toString();
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key: selectionKey, ids: new Set() });
  const selected = selection.key === selectionKey ? selection.ids : new Set<string>();
  const select = (ids: string[]) => setSelection({ key: selectionKey, ids: new Set(ids) });
  const toggle = (ids: string[], checked: boolean) => {
    const next = new Set(selected);
    for (const id of ids) {
      if (checked) next.add(id);
      else next.delete(id);
    }
    setSelection({ key: selectionKey, ids: next });
  };

  const apply = (next: ApplicationFilters) => setParams(filtersToSearchParams(next), { replace: true });
  const totalPages = applications.data ? Math.max(1, Math.ceil(applications.data.total / applications.data.pageSize)) : 1;

  if (call.isError) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/calls/${id}`} size="sm" c="tahkim.8">
          {t('list.backToCall', { call: title })}
        </Text>
        <Title order={1}>{t('list.heading')}</Title>
        {call.data ? <Text c="dimmed">{title}</Text> : null}
      </Stack>
      <Card withBorder radius="md" padding="md">
        <ApplicationsFilters filters={filters} form={form.data?.definition} onChange={apply} />
      </Card>
      <Group justify="space-between" wrap="wrap">
        <Text fw={600} role="status" aria-live="polite">
          {applications.data ? t('list.total', { count: applications.data.total }) : ''}
        </Text>
        <ExportButtons callId={id} filters={filters} slug={call.data?.slug ?? 'call'} />
      </Group>
      {applications.isPending ? (
        <PageLoader />
      ) : applications.isError ? (
        <LoadError error={applications.error} onRetry={() => void applications.refetch()} />
      ) : applications.data.items.length === 0 ? (
        <Text c="dimmed">{t('list.empty')}</Text>
      ) : (
        <Stack gap="md" style={{ opacity: applications.isPlaceholderData ? 0.6 : 1 }} aria-busy={applications.isFetching}>
          <BulkScreeningBar call={call.data} callId={id} filters={filters} selected={[...selected]} onSelect={select} />
          <ApplicationsTable
            page={applications.data}
            filters={filters}
            onSort={(sort, order) => apply({ ...filters, sort, order, page: 1 })}
            selection={{ selected, onChange: toggle }}
          />
          <PageNav label={t('list.pagination.label')} total={totalPages} value={filters.page} onChange={(page) => setParams(filtersToSearchParams({ ...filters, page }))} />
        </Stack>
      )}
    </Stack>
  );
}
