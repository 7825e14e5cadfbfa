import { zodResolver } from '../../../lib/form-resolver';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { ZPasswordResetRequest } from '@tahkim/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { usePageTitle } from '../../../lib/use-page-title';
import { AuthCard } from '../components/auth-card';
import { usePasswordResetRequestMutation } from '../mutations';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  usePageTitle(t('forgot.title'));
  const requestReset = usePasswordResetRequestMutation();
  const form = useForm({
    resolver: zodResolver(ZPasswordResetRequest),
    defaultValues: { email: '' },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await requestReset.mutateAsync(values);
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  const backToLogin = (
    <Anchor component={Link} to="/login" size="sm">
      {t('forgot.backToLogin')}
    </Anchor>
  );

  if (requestReset.isSuccess) {
    return (
      <AuthCard heading={t('forgot.heading')} footer={backToLogin}>
        <Alert color="tahkim" variant="light" title={t('forgot.sentTitle')} role="status">
          {t('forgot.sentBody', { email: requestReset.variables.email })}
        </Alert>
      </AuthCard>
    );
  }

  return (
    <AuthCard heading={t('forgot.heading')} intro={t('forgot.intro')} footer={backToLogin}>
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
          <Button type="submit" loading={isSubmitting} fullWidth>
            {t('forgot.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
