import { zodResolver } from '../../../lib/form-resolver';
import { Anchor, Button, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { LOCALES, PASSWORD_MIN_LENGTH, ZRegisterRequest } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { markExplicitLocaleSaved } from '../../../app/locale-preference';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PasswordField } from '../../../components/password-field';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLocale } from '../../locale/use-locale';
import { homePathFor, safeNextPath } from '../access';
import { AuthCard } from '../components/auth-card';
import { useRegisterMutation } from '../mutations';
import { meQuery } from '../queries';

export function RegisterPage() {
  const { t } = useTranslation(['auth', 'common']);
  usePageTitle(t('register.title'));
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { locale } = useLocale();
  const { data: user } = useQuery(meQuery());
  const registerAccount = useRegisterMutation();
  const form = useForm({
    resolver: zodResolver(ZRegisterRequest),
    defaultValues: { displayName: '', email: '', password: '', locale },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  // The language field follows the interface language until the person picks one themself.
  const { getFieldState, resetField } = form;
  useEffect(() => {
    if (!getFieldState('locale').isDirty) resetField('locale', { defaultValue: locale });
  }, [locale, getFieldState, resetField]);

  if (user) return <Navigate to={next ?? homePathFor(user.roles)} replace />;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      // The account gets the language chosen in this form; that settles any pending interface choice.
      markExplicitLocaleSaved();
      await registerAccount.mutateAsync(values);
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  const loginLink = next ? `/login?${new URLSearchParams({ next }).toString()}` : '/login';

  return (
    <AuthCard
      heading={t('register.heading')}
      intro={t('register.intro')}
      footer={
        <Text size="sm">
          {t('register.haveAccount')}{' '}
          <Anchor component={Link} to={loginLink}>
            {t('register.login')}
          </Anchor>
        </Text>
      }
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <FormErrorAlert message={errors.root?.server?.message} />
          <TextInput
            label={t('fields.displayName')}
            description={t('fields.displayNameHint')}
            autoComplete="name"
            required
            error={errors.displayName?.message}
            {...register('displayName')}
          />
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
            description={t('fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            error={errors.password?.message}
            {...register('password')}
          />
          <NativeSelect
            label={t('fields.locale')}
            description={t('fields.localeHint')}
            data={LOCALES.map((option) => ({ value: option, label: t('common:language.nativeName', { lng: option }) }))}
            error={errors.locale?.message}
            {...register('locale')}
          />
          <Button type="submit" loading={isSubmitting} fullWidth>
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
