import { Badge, Stack, Text } from '@mantine/core';
import type { TPublicProfile } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { PRESENTATION_COLORS, presentationDate } from '../announcement-view';

/** A winner's presentation: not written, awaiting the winner, agreed or refused, with the date that goes with it. */
export function PresentationBadge({ profile }: { profile: TPublicProfile | null }) {
  const { t } = useTranslation('decisions');
  const { locale } = useLocale();
  const state = profile?.consent ?? 'NONE';
  const date = presentationDate(profile);
  return (
    <Stack gap={4} align="flex-start">
      <Badge color={PRESENTATION_COLORS[state]} variant="light" style={{ minInlineSize: 'max-content' }} data-testid="presentation-state">
        {t(`announcement.state.${state}`)}
      </Badge>
      {date ? (
        <Text size="xs" c="dimmed">
          {t(`announcement.state.${date.kind}`, { date: formatDate(date.at, locale) })}
        </Text>
      ) : null}
    </Stack>
  );
}
