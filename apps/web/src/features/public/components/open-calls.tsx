import { Anchor, Button, Card, EmptyState, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TCallPublic } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FolderIcon } from '../../../components/icons';
import { localized, localizedLang } from '../../calls/call-text';
import { CallDeadline } from '../../calls/components/call-dates';
import '../../calls/calls.css';
import { useLocale } from '../../locale/use-locale';

/** Calls accepting applications now, the nearest deadline first. */
export function openCalls(calls: readonly TCallPublic[]): TCallPublic[] {
  return calls.filter((call) => call.acceptingApplications).sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
}

function OpenCallCard({ call }: { call: TCallPublic }) {
  const { t } = useTranslation('public');
  const { locale } = useLocale();
  const titleId = `home-call-${call.id}-title`;
  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={titleId}>
      <Stack gap="sm" h="100%">
        <Title order={3} fz="lg" id={titleId} className="call-card-title" dir="auto" lang={localizedLang(call.title, locale)}>
          <Anchor component={Link} to={`/calls/${call.slug}`} inherit>
            {localized(call.title, locale)}
          </Anchor>
        </Title>
        <Text dir="auto" lang={localizedLang(call.summary, locale)} className="call-card-title">
          {localized(call.summary, locale)}
        </Text>
        <CallDeadline iso={call.closesAt} local={call.closesAtLocal} closed={false} />
        <Button
          component={Link}
          to={`/calls/${call.slug}`}
          className="wrap-button"
          mt="auto"
          fullWidth
          aria-describedby={titleId}
        >
          {t('home.readCall')}
        </Button>
      </Stack>
    </Card>
  );
}

/** The home page's list of open calls, each leading to its page; a plain notice when none is open. */
export function OpenCalls({ calls }: { calls: readonly TCallPublic[] }) {
  const { t } = useTranslation(['public', 'calls']);
  const open = openCalls(calls);
  return (
    <Stack gap="md">
      {open.length === 0 ? (
        <EmptyState
          withIndicatorBackground
          icon={<FolderIcon size={28} />}
          title={t('calls:list.noneOpenTitle')}
          description={t('calls:list.noneOpenBody')}
          className="empty-state"
          data-testid="home-no-open-call"
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {open.map((call) => (
            <OpenCallCard key={call.id} call={call} />
          ))}
        </SimpleGrid>
      )}
      <Anchor component={Link} to="/calls">
        {t('home.allCalls')}
      </Anchor>
    </Stack>
  );
}
