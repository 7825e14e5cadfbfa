import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../lib/use-page-title';
import { homePathFor } from '../../auth/access';
import { meQuery } from '../../auth/queries';

export function NoAccessPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(meQuery());
  usePageTitle(t('noAccess.title'));
  return (
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('noAccess.heading')}</Title>
        <Text>{t('noAccess.body')}</Text>
        <Button component={Link} to={user ? homePathFor(user.roles) : '/'}>
          {user ? t('actions.goToMySpace') : t('actions.backHome')}
        </Button>
      </Stack>
    </Container>
  );
}
