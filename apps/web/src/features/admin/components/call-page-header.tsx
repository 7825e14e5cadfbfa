import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/**
 * The head of a back office page about one call or round: a link back to it, the page's heading (with an
 * optional badge), the call's or round's own title in its own direction, then whatever the page adds
 * (an introduction, links to related pages).
 */
export function CallPageHeader({ back, heading, badge, subtitle, children }: { back: { to: string; label: string }; heading: string; badge?: ReactNode; subtitle: string; children?: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text component={Link} to={back.to} size="sm" c="tahkim.8">
        {back.label}
      </Text>
      {badge ? (
        <Group gap="sm">
          <Title order={1}>{heading}</Title>
          {badge}
        </Group>
      ) : (
        <Title order={1}>{heading}</Title>
      )}
      <Text c="dimmed" dir="auto">
        {subtitle}
      </Text>
      {children}
    </Stack>
  );
}
