import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the sign-in, registration and password pages: one column, readable on a phone. */
export function AuthCard({ heading, intro, children, footer }: { heading: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <Container size={480} px="md" py={{ base: 'lg', sm: 48 }}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
        <Stack gap="lg">
          <Stack gap={6}>
            <Title order={1} fz={{ base: 24, sm: 28 }}>
              {heading}
            </Title>
            {intro ? <Text c="dimmed">{intro}</Text> : null}
          </Stack>
          {children}
        </Stack>
      </Paper>
      {footer ? (
        <Stack gap={4} mt="md" align="center" ta="center">
          {footer}
        </Stack>
      ) : null}
    </Container>
  );
}
