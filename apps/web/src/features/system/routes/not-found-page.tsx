import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../lib/use-page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Text c="dimmed" fw={700} fz="xl" aria-hidden="true">
          404
        </Text>
        <Title order={1}>{t('notFound.heading')}</Title>
        <Text>{t('notFound.body')}</Text>
        <Button component={Link} to="/">
          {t('actions.backHome')}
        </Button>
      </Stack>
    </Container>
  );
}
