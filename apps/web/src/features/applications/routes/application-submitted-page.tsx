import { Alert, Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { meQuery } from '../../auth/queries';
import { useLocale } from '../../locale/use-locale';
import { NotFoundPage } from '../../system/routes/not-found-page';
import { CheckIcon } from '../components/small-icons';
import { applicationQuery } from '../queries';

/** After submitting: the reference number, and the receipt sent by e-mail. */
export function ApplicationSubmittedPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  usePageTitle(t('submitted.title'));
  const application = useQuery(applicationQuery(id));
  const { data: me } = useQuery(meQuery());

  if (application.isPending) return <PageLoader />;
  if (application.isError) {
    if (application.error instanceof ApiError && application.error.status === 404) return <NotFoundPage />;
    return (
      <Container size="sm" py="lg">
        <LoadError error={application.error} onRetry={() => void application.refetch()} />
      </Container>
    );
  }
  const data = application.data;
  if (data.status === 'DRAFT') return <Navigate to={`/portal/applications/${data.id}`} replace />;

  return (
    <Container size="sm" py="xl">
      <Card withBorder radius="md" padding="xl">
        <Stack gap="md" align="flex-start">
          <Group gap="sm" c="green" wrap="nowrap">
            <CheckIcon size={28} />
            <Title order={1} fz={{ base: 24, sm: 30 }}>
              {t('submitted.heading')}
            </Title>
          </Group>
          <Text>{t('submitted.body', { call: localized(data.call.title, locale) })}</Text>
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('submitted.referenceLabel')}
            </Text>
            <Text fz={28} fw={800} dir="ltr" className="reference-number">
              {data.reference}
            </Text>
          </Stack>
          {data.submittedAt ? (
            <Text size="sm">
              {t('view.submittedAt')} <CallDateTime iso={data.submittedAt} />
            </Text>
          ) : null}
          <Alert variant="light" color="blue">
            {me ? t('submitted.email', { email: ltrIsolate(me.email) }) : t('submitted.emailGeneric')}
          </Alert>
          <Group gap="sm">
            <Button component={Link} to={`/portal/applications/${data.id}`} variant="default">
              {t('submitted.view')}
            </Button>
            <Button component={Link} to="/portal">
              {t('submitted.myApplications')}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Container>
  );
}

/**
 * An e-mail address inside a sentence, kept left to right as one piece (LRI ... PDI): in an Arabic
 * sentence the bidirectional algorithm would otherwise reorder its parts around "-" and ".".
 */
function ltrIsolate(text: string): string {
  return `\u2066${text}\u2069`;
}
