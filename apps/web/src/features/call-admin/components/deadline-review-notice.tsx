import { Alert, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TDeadlineReviewDate, TWallClock } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../locale/use-locale';
import { localized } from '../call-display';
import { formatCasablancaWallClock } from '../casablanca-time';
import { useDeadlineReviewMutation } from '../mutations';
import { deadlineReviewsQuery } from '../queries';
import { ScrollTable } from '../../../components/scroll-table';

function WallClock({ local, iso }: { local: TWallClock; iso: string }) {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  return <time dateTime={iso}>{t('time.withZone', formatCasablancaWallClock(local, locale, 'short'))}</time>;
}

function DateLabel({ date }: { date: TDeadlineReviewDate }) {
  const { t } = useTranslation('callAdmin');
  const field = t(`deadlineReview.fields.${date.field}`);
  return <>{date.roundNumber === null ? field : t('deadlineReview.roundField', { number: date.roundNumber, field })}</>;
}

/**
 * Dates stored before the app read Casablanca time with its own data may have been converted by a
 * browser that still put Morocco on UTC+1 after 2026-09-20: they read an hour earlier now than typed.
 * Staff confirm them as they are or move them one hour later; nothing changes without that choice.
 */
export function DeadlineReviewNotice() {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const reviews = useQuery(deadlineReviewsQuery());
  const review = useDeadlineReviewMutation();
  if (!reviews.data || reviews.data.items.length === 0) return null;

  const act = (callId: string, action: 'CONFIRM' | 'MOVE_LATER') =>
    review.mutate(
      { callId, action },
      { onSuccess: () => notifications.show({ color: 'tahkim', message: t(action === 'CONFIRM' ? 'deadlineReview.confirmed' : 'deadlineReview.moved') }) },
    );

  return (
    <Alert color="orange" title={t('deadlineReview.title', { count: reviews.data.items.length })} data-testid="deadline-review">
      <Stack gap="md">
        <Text size="sm">{t('deadlineReview.intro')}</Text>
        {review.error ? (
          <Text size="sm" c="red" role="alert">
            {review.error.message}
          </Text>
        ) : null}
        {reviews.data.items.map((item) => (
          <Stack key={item.callId} gap="xs" data-testid={`deadline-review-${item.slug}`}>
            <Text fw={600} component={Link} to={`/admin/calls/${item.callId}`} dir="auto">
              {localized(item.title, locale) || item.slug}
            </Text>
            <ScrollTable label={localized(item.title, locale) || item.slug} minWidth={560}>
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('deadlineReview.columns.date')}</Table.Th>
                    <Table.Th scope="col">{t('deadlineReview.columns.now')}</Table.Th>
                    <Table.Th scope="col">{t('deadlineReview.columns.old')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {item.dates.map((date) => (
                    <Table.Tr key={`${date.roundId ?? 'call'}-${date.field}`}>
                      <Table.Td>
                        <DateLabel date={date} />
                      </Table.Td>
                      <Table.Td>
                        <WallClock local={date.now} iso={date.at} />
                      </Table.Td>
                      <Table.Td>
                        <WallClock local={date.underOldRule} iso={date.at} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Group gap="xs">
              <Button size="xs" variant="default" loading={review.isPending && review.variables?.callId === item.callId && review.variables.action === 'CONFIRM'} onClick={() => act(item.callId, 'CONFIRM')}>
                {t('deadlineReview.confirm')}
              </Button>
              <Button size="xs" loading={review.isPending && review.variables?.callId === item.callId && review.variables.action === 'MOVE_LATER'} onClick={() => act(item.callId, 'MOVE_LATER')}>
                {t('deadlineReview.moveLater')}
              </Button>
            </Group>
          </Stack>
        ))}
      </Stack>
    </Alert>
  );
}
