import { Alert, Anchor, Card, List, Loader, Stack, Text, Title } from '@mantine/core';
import type { TFileIdentityCheck, TStaffApplication } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fileIdentityQuery } from '../queries';

const COLORS: Record<TFileIdentityCheck['status'], string> = { NAMES_APPLICANT: 'orange', CLEAR: 'teal', NO_TEXT: 'gray', UNREADABLE: 'gray' };

/**
 * Which files would give the applicant away to jurors of a blind round: files reach them without
 * metadata, but their text as written. Read by the API on demand (it can take a few seconds).
 */
export function FileIdentityPanel({ application }: { application: Pick<TStaffApplication, 'id' | 'attachments'> }) {
  const { t } = useTranslation('screening');
  const report = useQuery({ ...fileIdentityQuery(application.id), enabled: application.attachments.length > 0 });
  if (application.attachments.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="file-identity-heading">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="file-identity-heading">
          {t('fileIdentity.heading')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('fileIdentity.intro')}
        </Text>
        {report.isPending ? (
          <Text size="sm" role="status">
            <Loader size="xs" me="xs" />
            {t('fileIdentity.loading')}
          </Text>
        ) : report.isError ? (
          <Alert color="red" variant="light">
            {t('fileIdentity.failed')}{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => void report.refetch()}>
              {t('fileIdentity.retry')}
            </Anchor>
          </Alert>
        ) : (
          <Stack gap="xs" component="ul" className="file-identity-list">
            {report.data.items.map((item) => (
              <li key={item.attachmentId}>
                <Alert color={COLORS[item.status]} variant={item.status === 'NAMES_APPLICANT' ? 'light' : 'outline'} p="xs" data-status={item.status}>
                  <Text size="sm" fw={600}>
                    <bdi>{item.fileName}</bdi>
                  </Text>
                  <Text size="sm">{t(`fileIdentity.${item.status}`)}</Text>
                  {item.excerpts.length > 0 ? (
                    <>
                      <Text size="xs" c="dimmed" mt={4}>
                        {t('fileIdentity.excerpts')}
                      </Text>
                      <List size="xs" spacing={2}>
                        {item.excerpts.map((excerpt, index) => (
                          <List.Item key={index}>
                            <span dir="auto">{excerpt}</span>
                          </List.Item>
                        ))}
                      </List>
                    </>
                  ) : null}
                </Alert>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
