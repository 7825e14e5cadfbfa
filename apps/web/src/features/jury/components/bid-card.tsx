import { Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { BID_PREFERENCES, type TBidPreference } from '@tahkim/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../components/user-text';
import type { TJuryBiddingItem } from '../jury-api';
import { useBidMutation } from '../mutations';
import { BiddingConflictButton } from './bidding-conflict-button';

/** A summary longer than this (or than a few lines) is clamped, with a button to read it whole. */
const LONG_SUMMARY = 280;
const isLong = (summary: string) => summary.length > LONG_SUMMARY || summary.split('\n').length > 3;

const PREFERENCE_COLOR: Record<TBidPreference, string | undefined> = { WANT: 'teal', NEUTRAL: undefined, RATHER_NOT: 'orange' };

/** One application to bid on: reference, title, summary and fields, and the juror's wish saved on each click. */
export function BidCard({ roundId, item, topicLabel }: { roundId: string; item: TJuryBiddingItem; topicLabel: (key: string) => string }) {
  const { t } = useTranslation('jury');
  const bid = useBidMutation(roundId, item.applicationId);
  const [expanded, setExpanded] = useState(false);
  const summaryId = useId();
  // Three long labels side by side do not fit a phone: they stack there.
  const narrow = useMediaQuery('(max-width: 36em)');

  return (
    <Card component="li" withBorder radius="md" padding="md" data-testid="bid-card">
      <Stack gap="xs">
        <Text fw={700} dir="auto">
          {item.applicationLabel}
        </Text>
        {item.title ? (
          <Text fw={600} dir="auto" style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t('bidding.wishes.titleHidden')}
          </Text>
        )}
        {item.summary ? (
          <Stack gap={2} align="flex-start">
            <Text id={summaryId} size="sm" dir="auto" lineClamp={expanded ? undefined : 3} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.summary}
            </Text>
            {isLong(item.summary) ? (
              <Button variant="subtle" size="compact-xs" onClick={() => setExpanded((open) => !open)} aria-expanded={expanded} aria-controls={summaryId}>
                {expanded ? t('bidding.wishes.showLess') : t('bidding.wishes.showMore')}
              </Button>
            ) : null}
          </Stack>
        ) : null}
        {item.topics.length > 0 ? (
          <Group gap={6}>
            {item.topics.map((key) => (
              <Badge key={key} variant="light" color="gray" style={{ textTransform: 'none' }}>
                <bdi>{topicLabel(key)}</bdi>
              </Badge>
            ))}
          </Group>
        ) : null}
        <SegmentedControl
          aria-label={t('bidding.wishes.preferenceLabel', { label: isolate(item.applicationLabel) })}
          value={item.preference}
          onChange={(value) => bid.mutate(value as TBidPreference)}
          data={BID_PREFERENCES.map((value) => ({ value, label: t(`bidding.wishes.preference.${value}`) }))}
          color={PREFERENCE_COLOR[item.preference]}
          orientation={narrow ? 'vertical' : 'horizontal'}
          fullWidth
        />
        {bid.isError ? (
          <Text size="sm" c="red.8" role="alert">
            {bid.error.message}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <BiddingConflictButton roundId={roundId} applicationId={item.applicationId} label={item.applicationLabel} />
        </Group>
      </Stack>
    </Card>
  );
}
