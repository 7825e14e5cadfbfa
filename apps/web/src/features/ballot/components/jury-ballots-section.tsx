import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';
import { myBallotsQuery } from '../queries';
import { BallotStatusBadge } from './ballot-jurors';

/** On the juror's home: their open final ballots, each with its status and a way in. Nothing when none. */
export function JuryBallotsSection() {
  const { t } = useTranslation('ballot');
  const { locale } = useLocale();
  const ballots = useQuery(myBallotsQuery());
  if (!ballots.isSuccess || ballots.data.items.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="jury-ballots-title" className="jury-ballots">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="h3" id="jury-ballots-title">
            {t('jury.heading')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('jury.lead')}
          </Text>
        </Stack>
        <ul className="plain-list assignment-list">
          {ballots.data.items.map((item) => {
            const round = localized(item.name, locale);
            const action = item.status === 'SUBMITTED' ? t('jury.view') : t('jury.open');
            return (
              <li key={item.roundId} className="assignment-row">
                <Stack gap={2} className="assignment-row-text">
                  <Text size="sm" c="dimmed">
                    {localized(item.call.title, locale)}
                  </Text>
                  <Text fw={700}>{round}</Text>
                  {item.closesAt ? (
                    <Text size="sm">
                      <Text span fw={600}>
                        {t('deadline')}
                      </Text>{' '}
                      <CallDateTime iso={item.closesAt} />
                    </Text>
                  ) : null}
                </Stack>
                <BallotStatusBadge status={item.status} />
                <Button component={Link} to={`/jury/ballots/${item.roundId}`} size="xs" variant={item.status === 'SUBMITTED' ? 'default' : 'filled'} aria-label={t('jury.actionFor', { action, round })}>
                  {action}
                </Button>
              </li>
            );
          })}
        </ul>
      </Stack>
    </Card>
  );
}
