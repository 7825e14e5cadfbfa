import { zodResolver } from '../../../lib/form-resolver';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { ZLoginRequest } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PasswordField } from '../../../components/password-field';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { homePathFor, safeNextPath } from '../access';
import { AuthCard } from '../components/auth-card';
import { useLoginMutation } from '../mutations';
import { meQuery } from '../queries';

export function LoginPage() {
  const { t } = useTranslation('auth');
  usePageTitle(t('login.title'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { data: user } = useQuery(meQuery());
  const login = useLoginMutation();
  const form = useForm({
    resolver: zodResolver(ZLoginRequest),
    defaultValues: { email: '', password: '' },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  // Signed in (already, or by this form): go back where the person was heading, or to their home.
  if (user) return <Navigate to={next ?? homePathFor(user.roles)} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await login.mutateAsync(values);
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  const registerLink = next ? `/register?${new URLSearchParams({ next }).toString()}` : '/register';

  return (
    <AuthCard
      heading={t('login.heading')}
      intro={t('login.intro')}
      footer={
        <Text size="sm">
          {t('login.noAccount')}{' '}
          <Anchor component={Link} to={registerLink}>
            {t('login.register')}
          </Anchor>
        </Text>
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormErrorAlert message={errors.root?.server?.message} />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            error={errors.email?.message}
            {...register('email')}
          />
          <PasswordField
            label={t('fields.password')}
            autoComplete="current-password"
            required
            error={errors.password?.message}
            {...register('password')}
          />
          <Group justify="flex-end">
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('login.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" loading={isSubmitting} fullWidth>
            {t('login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
