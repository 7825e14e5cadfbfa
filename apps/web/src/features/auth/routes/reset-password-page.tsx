import { zodResolver } from '../../../lib/form-resolver';
import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { PASSWORD_MIN_LENGTH, ZPasswordResetConfirmRequest } from '@tahkim/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PasswordField } from '../../../components/password-field';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { AuthCard } from '../components/auth-card';
import { usePasswordResetConfirmMutation } from '../mutations';

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirmReset = usePasswordResetConfirmMutation();
  // The token travels in the form's values so the contracts' schema checks it with the password.
  const form = useForm({
    resolver: zodResolver(ZPasswordResetConfirmRequest),
    defaultValues: { token, password: '' },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await confirmReset.mutateAsync(values);
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  const tokenProblem = errors.token || errors.root?.server?.type === 'TOKEN_INVALID';

  if (confirmReset.isSuccess) {
    return (
      <AuthCard heading={t('reset.successTitle')}>
        <Stack gap="md">
          <Alert color="tahkim" variant="light" role="status">
            {t('reset.successBody')}
          </Alert>
          <Button component={Link} to="/login" fullWidth>
            {t('reset.goToLogin')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  if (!token) {
    return (
      <AuthCard heading={t('reset.heading')}>
        <Stack gap="md">
          <Alert color="red" variant="light" role="alert">
            {t('reset.missingToken')}
          </Alert>
          <Button component={Link} to="/forgot-password" fullWidth>
            {t('reset.requestNew')}
          </Button>
        </Stack>
      </AuthCard>
    );
  }

  return (
    <AuthCard heading={t('reset.heading')} intro={t('reset.intro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {tokenProblem ? (
            <Alert color="red" variant="light" role="alert">
              <Stack gap="xs" align="flex-start">
                <span>{errors.root?.server?.message ?? t('reset.missingToken')}</span>
                <Anchor component={Link} to="/forgot-password" size="sm">
                  {t('reset.requestNew')}
                </Anchor>
              </Stack>
            </Alert>
          ) : (
            <FormErrorAlert message={errors.root?.server?.message} />
          )}
          <input type="hidden" {...register('token')} />
          <PasswordField
            label={t('fields.newPassword')}
            description={t('fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
            autoComplete="new-password"
            required
            error={errors.password?.message}
            {...register('password')}
          />
          <Button type="submit" loading={isSubmitting} fullWidth>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
