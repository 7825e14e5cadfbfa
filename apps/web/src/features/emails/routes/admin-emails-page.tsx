import { Accordion, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { isEmailStatus } from '../email-status';
import { usePageTitle } from '../../../lib/use-page-title';
import { EmailFiltersForm, type EmailFilters } from '../components/email-filters';
import { EmailListItem } from '../components/email-list-item';
import { emailsQuery } from '../queries';
import { PageNav } from '../../admin/components/page-nav';

const PAGE_SIZE = 20;

/** The outbox: filters and page live in the URL, so a view can be reloaded or shared with a colleague. */
export function AdminEmailsPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('emails.title'));
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const status = params.get('status');
  const filters: EmailFilters = {
    to: params.get('to') || undefined,
    status: isEmailStatus(status) ? status : undefined,
  };
  const emails = useQuery(emailsQuery({ page, pageSize: PAGE_SIZE, ...filters }));

  const applyFilters = (next: EmailFilters) => {
    const search = new URLSearchParams();
    if (next.to) search.set('to', next.to);
    if (next.status) search.set('status', next.status);
    setParams(search);
  };
  const goToPage = (next: number) => {
    const search = new URLSearchParams(params);
    search.set('page', String(next));
    setParams(search);
  };

  const totalPages = emails.data ? Math.max(1, Math.ceil(emails.data.total / emails.data.pageSize)) : 1;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('emails.heading')}</Title>
        <Text c="dimmed" maw={760}>
          {t('emails.intro')}
        </Text>
      </Stack>
      <Card withBorder radius="md" padding="md">
        <EmailFiltersForm value={filters} onChange={applyFilters} />
      </Card>
      {emails.isPending ? (
        <PageLoader />
      ) : emails.isError ? (
        <LoadError error={emails.error} onRetry={() => void emails.refetch()} />
      ) : (
        <Stack gap="md">
          <Text fw={600} role="status" aria-live="polite">
            {t('emails.total', { count: emails.data.total })}
          </Text>
          {emails.data.items.length === 0 ? (
            <Text c="dimmed">{t('emails.empty')}</Text>
          ) : (
            <Accordion multiple variant="separated" radius="md" chevronPosition="right">
              {emails.data.items.map((email) => (
                <EmailListItem key={email.id} email={email} />
              ))}
            </Accordion>
          )}
          <PageNav label={t('emails.pagination.label')} total={totalPages} value={page} onChange={goToPage} />
        </Stack>
      )}
    </Stack>
  );
}
