import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A part of the programme (milestones, indicators): a titled card with what it is for. */
export function ProgrammeSection({ id, title, intro, summary, children }: { id: string; title: string; intro: string; summary?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id} data-testid={id}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title id={id} order={2} size="h4">
            {title}
          </Title>
          <Text size="sm" c="dimmed">
            {intro}
          </Text>
          {summary}
        </Stack>
        {children}
      </Stack>
    </Card>
  );
}
