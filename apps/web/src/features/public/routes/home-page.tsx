import { Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BuildingIcon, FolderIcon, ScaleIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { homePathFor } from '../../auth/access';
import { meQuery } from '../../auth/queries';
import { callsQuery } from '../../calls/queries';
import { OpenCalls, openCalls } from '../components/open-calls';

function AudienceCard({ icon, title, body }: { icon: ReactNode; title: string; body: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="article">
      <Stack gap="sm">
        <ThemeIcon size={44} radius="md" variant="light" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Title order={3} fz="lg">
          {title}
        </Title>
        <Text>{body}</Text>
      </Stack>
    </Card>
  );
}

export function HomePage() {
  const { t } = useTranslation(['public', 'common']);
  const { data: user } = useQuery(meQuery());
  const calls = useQuery(callsQuery());
  usePageTitle(t('home.title'));
  const anyOpen = calls.isSuccess && openCalls(calls.data).length > 0;

  return (
    <>
      <Box component="section" className="hero" aria-labelledby="home-heading">
        <Container size="lg" py={{ base: 40, sm: 72 }}>
          <Stack gap="lg" maw={760}>
            <Text fw={700} c="tahkim.8" tt="uppercase" fz="sm" className="eyebrow">
              {t('common:app.tagline')}
            </Text>
            <Title id="home-heading" order={1} fz={{ base: 28, sm: 40 }} lh={1.2}>
              {t('home.heroTitle')}
            </Title>
            <Text fz={{ base: 'md', sm: 'lg' }}>{t('home.heroBody')}</Text>
            <Group gap="sm">
              {anyOpen ? (
                <Button component="a" href="#open-calls-heading" size="md">
                  {t('home.ctaOpenCalls')}
                </Button>
              ) : null}
              {user ? (
                <Button component={Link} to={homePathFor(user.roles)} size="md" variant={anyOpen ? 'default' : 'filled'}>
                  {t('home.ctaMySpace')}
                </Button>
              ) : (
                <>
                  <Button component={Link} to="/register" size="md" variant={anyOpen ? 'default' : 'filled'}>
                    {t('home.ctaRegister')}
                  </Button>
                  <Button component={Link} to="/login" size="md" variant="default">
                    {t('home.ctaLogin')}
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        </Container>
      </Box>
      <Container size="lg" py="xl" component="section" aria-labelledby="open-calls-heading">
        <Stack gap="md">
          <Stack gap={4}>
            <Title id="open-calls-heading" order={2} tabIndex={-1}>
              {t('home.openCallsHeading')}
            </Title>
            <Text>{t('home.openCallsIntro')}</Text>
          </Stack>
          {calls.isPending ? <PageLoader /> : null}
          {calls.isError ? <LoadError error={calls.error} onRetry={() => void calls.refetch()} /> : null}
          {calls.isSuccess ? <OpenCalls calls={calls.data} /> : null}
        </Stack>
      </Container>
      <Container size="lg" py="xl" component="section" aria-labelledby="audiences-heading">
        <Title id="audiences-heading" order={2} mb="lg">
          {t('home.audiencesHeading')}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
          <AudienceCard icon={<BuildingIcon size={24} />} title={t('home.foundations.title')} body={t('home.foundations.body')} />
          <AudienceCard icon={<FolderIcon size={24} />} title={t('home.applicants.title')} body={t('home.applicants.body')} />
          <AudienceCard icon={<ScaleIcon size={24} />} title={t('home.jurors.title')} body={t('home.jurors.body')} />
        </SimpleGrid>
      </Container>
    </>
  );
}
