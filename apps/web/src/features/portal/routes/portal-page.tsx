import { Button, Card, Container, EmptyState, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TApplication } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FolderIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { isolate } from '../../../components/user-text';
import { usePageTitle } from '../../../lib/use-page-title';
import { ApplicationStatusBadge } from '../../applications/components/status-badge';
import { myApplicationsQuery } from '../../applications/queries';
import { meQuery } from '../../auth/queries';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';

function ApplicationCard({ application }: { application: TApplication }) {
  const { t } = useTranslation(['portal', 'applications']);
  const { locale } = useLocale();
  const editable = application.status === 'DRAFT' && application.call.acceptingApplications;
  const title = localized(application.call.title, locale);

  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-label={title}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={2} fz="lg" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{title}</bdi>
          </Title>
          <ApplicationStatusBadge status={application.status} />
        </Group>
        {application.reference ? (
          <Text size="sm">
            {t('applications:mine.reference')}{' '}
            <Text span fw={700} dir="ltr">
              {application.reference}
            </Text>
          </Text>
        ) : null}
        <Stack gap={2}>
          <Text size="sm">
            <Text span c="dimmed">
              {t('applications:mine.opensAt')}
            </Text>{' '}
            <CallDateTime iso={application.call.opensAt} />
          </Text>
          <Text size="sm">
            <Text span c="dimmed">
              {t('applications:mine.closesAt')}
            </Text>{' '}
            <CallDateTime iso={application.call.closesAt} />
          </Text>
          {application.submittedAt ? (
            <Text size="sm">
              <Text span c="dimmed">
                {t('applications:mine.submittedAt')}
              </Text>{' '}
              <CallDateTime iso={application.submittedAt} />
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm">
          <Button component={Link} to={`/portal/applications/${application.id}`} variant={editable ? 'filled' : 'default'}>
            {editable ? t('applications:mine.resume') : t('applications:mine.view')}
          </Button>
          <Button component={Link} to={`/calls/${application.call.slug}`} variant="subtle">
            {t('applications:mine.callPage')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The applicant's home: each application with its call, status, reference and the call's dates. */
export function PortalPage() {
  const { t } = useTranslation(['portal', 'applications']);
  usePageTitle(t('title'));
  const { data: user } = useQuery(meQuery());
  const applications = useQuery(myApplicationsQuery());

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <Stack gap={4}>
            <Title order={1}>{t('heading')}</Title>
            {user ? <Text c="dimmed">{t('welcome', { name: isolate(user.displayName) })}</Text> : null}
          </Stack>
          <Button component={Link} to="/calls" variant="light">
            {t('applications:mine.browseCalls')}
          </Button>
        </Group>
        {applications.isPending ? <PageLoader /> : null}
        {applications.isError ? <LoadError error={applications.error} onRetry={() => void applications.refetch()} /> : null}
        {applications.isSuccess && applications.data.length === 0 ? (
          <EmptyState
            withIndicatorBackground
            icon={<FolderIcon size={28} />}
            title={t('emptyTitle')}
            description={t('emptyBody')}
            className="empty-state"
          />
        ) : null}
        {applications.isSuccess && applications.data.length > 0 ? (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {applications.data.map((application) => (
              <ApplicationCard key={application.id} application={application} />
            ))}
          </SimpleGrid>
        ) : null}
      </Stack>
    </Container>
  );
}
