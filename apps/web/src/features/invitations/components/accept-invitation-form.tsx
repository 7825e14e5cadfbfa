import { zodResolver } from '../../../lib/form-resolver';
import { Button, Stack, Text, TextInput } from '@mantine/core';
import { PASSWORD_MIN_LENGTH, ZAcceptInvitationRequest, ZDisplayName } from '@tahkim/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { PasswordField } from '../../../components/password-field';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { homePathFor } from '../../auth/access';
import { useLocale } from '../../locale/use-locale';
import { useAcceptInvitationMutation } from '../mutations';

/** A new person names themself; someone with an account only confirms with their password. */
const ZNewAccountAcceptance = ZAcceptInvitationRequest.extend({ displayName: ZDisplayName });
const ZExistingAccountAcceptance = ZAcceptInvitationRequest.omit({ displayName: true });

interface FormProps {
  token: string;
}

export function NewAccountAcceptanceForm({ token }: FormProps) {
  const { t } = useTranslation('auth');
  const { locale } = useLocale();
  const accept = useAcceptInvitationMutation(token);
  const navigate = useNavigate();
  const form = useForm({
    resolver: zodResolver(ZNewAccountAcceptance),
    defaultValues: { displayName: '', password: '' },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const user = await accept.mutateAsync({ ...values, locale });
      void navigate(homePathFor(user.roles), { replace: true });
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text>{t('invitation.newAccountIntro')}</Text>
        <FormErrorAlert message={errors.root?.server?.message} />
        <TextInput
          label={t('fields.displayName')}
          description={t('fields.displayNameHint')}
          autoComplete="name"
          required
          error={errors.displayName?.message}
          {...register('displayName')}
        />
        <PasswordField
          label={t('fields.password')}
          description={t('fields.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting} fullWidth>
          {t('invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function ExistingAccountAcceptanceForm({ token }: FormProps) {
  const { t } = useTranslation('auth');
  const { locale } = useLocale();
  const accept = useAcceptInvitationMutation(token);
  const navigate = useNavigate();
  const form = useForm({
    resolver: zodResolver(ZExistingAccountAcceptance),
    defaultValues: { password: '' },
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const user = await accept.mutateAsync({ ...values, locale });
      void navigate(homePathFor(user.roles), { replace: true });
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Text>{t('invitation.existingAccountIntro')}</Text>
        <FormErrorAlert message={errors.root?.server?.message} />
        <PasswordField
          label={t('fields.password')}
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" loading={isSubmitting} fullWidth>
          {t('invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
