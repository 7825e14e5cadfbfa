import { Alert, Anchor, Badge, Card, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { TLocalizedText } from '@tahkim/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/use-page-title';
import { NotFoundPage } from '../../system/routes/not-found-page';
import { useLocale } from '../../locale/use-locale';
import { localized, localizedLang } from '../call-text';
import { callPhase } from '../deadline';
import { ApplyButton } from '../components/apply-button';
import { CallDateTime } from '../components/call-dates';
import { CallMarkdown } from '../components/call-markdown';
import { Countdown } from '../components/countdown';
import { FormOutline } from '../components/form-outline';
import '../calls.css';
import { callKeys, callQuery } from '../queries';

/** One of the call's texts under its heading; nothing at all when the call has no such text. */
function CallTextSection({ id, heading, text }: { id: string; heading: string; text: TLocalizedText }) {
  const { locale } = useLocale();
  const shown = localized(text, locale);
  if (!shown.trim()) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby={id}>
      <Title order={2} fz="xl" id={id}>
        {heading}
      </Title>
      <CallMarkdown lang={localizedLang(text, locale)}>{shown}</CallMarkdown>
    </Stack>
  );
}

/**
 * A call, in the visitor's language: its texts, eligibility, what the form will ask, dates, a live
 * countdown and "Apply".
 */
export function CallPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const call = useQuery(callQuery(slug));
  const [loadedAt] = useState(() => Date.now());
  usePageTitle(call.data ? localized(call.data.title, locale) : t('list.title'));

  // When the deadline passes on screen, ask the API (the authority on time) whether it still accepts.
  const onDeadline = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: callKeys.detail(slug) });
  }, [queryClient, slug]);

  if (call.isPending) return <PageLoader />;
  if (call.isError) {
    if (call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
    return (
      <Container size="lg" py="lg">
        <LoadError error={call.error} onRetry={() => void call.refetch()} />
      </Container>
    );
  }

  const data = call.data;
  const phase = callPhase(data, loadedAt);
  const open = phase === 'open';
  const upcoming = phase === 'upcoming';

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Anchor component={Link} to="/calls" size="sm">
          {t('page.backToList')}
        </Anchor>
        <Stack gap="xs">
          <Group gap="xs">
            <Badge color={open ? 'green' : upcoming ? 'blue' : 'gray'} variant="light">
              {open ? t('badge.open') : upcoming ? t('badge.upcoming') : t('badge.closed')}
            </Badge>
          </Group>
          <Title order={1} lang={localizedLang(data.title, locale)} className="call-card-title">
            {localized(data.title, locale)}
          </Title>
          <Text fz="lg" lang={localizedLang(data.summary, locale)}>
            {localized(data.summary, locale)}
          </Text>
        </Stack>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            <Card withBorder radius="md" padding="lg" component="aside" aria-labelledby="call-dates-heading">
              <Stack gap="md">
                <Title order={2} fz="lg" id="call-dates-heading">
                  {t('page.datesHeading')}
                </Title>
                <Text size="sm">
                  <Text span fw={600}>
                    {t('page.opensAt')}
                  </Text>{' '}
                  <CallDateTime iso={data.opensAt} local={data.opensAtLocal} />
                </Text>
                <Text size="sm">
                  <Text span fw={600}>
                    {t('page.closesAt')}
                  </Text>{' '}
                  <CallDateTime iso={data.closesAt} local={data.closesAtLocal} />
                </Text>
                {open ? <Countdown deadline={data.closesAt} onOver={onDeadline} /> : null}
                {upcoming ? <Alert variant="light">{t('page.notYetOpen')}</Alert> : null}
                {!open && !upcoming ? <Alert variant="light" color="gray">{t('page.closedNotice')}</Alert> : null}
                <ApplyButton call={data} />
              </Stack>
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="lg">
              <CallTextSection id="call-description-heading" heading={t('page.descriptionHeading')} text={data.description} />
              <CallTextSection id="call-eligibility-heading" heading={t('page.eligibilityHeading')} text={data.eligibility} />
              {open || upcoming ? <FormOutline callId={data.id} /> : null}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
