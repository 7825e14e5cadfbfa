import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TCallPublic } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../locale/use-locale';
import { localized, localizedLang } from '../call-text';
import { callPhase } from '../deadline';
import { CallDeadline } from './call-dates';

export function CallCard({ call }: { call: TCallPublic }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const [loadedAt] = useState(() => Date.now());
  const phase = callPhase(call, loadedAt);
  const open = phase === 'open';
  const upcoming = phase === 'upcoming';

  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-labelledby={`call-${call.id}-title`}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Title order={3} fz="lg" id={`call-${call.id}-title`} className="call-card-title" lang={localizedLang(call.title, locale)}>
            <Anchor component={Link} to={`/calls/${call.slug}`} inherit>
              {localized(call.title, locale)}
            </Anchor>
          </Title>
          <Badge color={open ? 'green' : upcoming ? 'blue' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
            {open ? t('badge.open') : upcoming ? t('badge.upcoming') : t('badge.closed')}
          </Badge>
        </Group>
        <Text lang={localizedLang(call.summary, locale)}>{localized(call.summary, locale)}</Text>
        <CallDeadline iso={call.closesAt} local={call.closesAtLocal} closed={!open && !upcoming} />
      </Stack>
    </Card>
  );
}
