import { zodResolver } from '../../../lib/form-resolver';
import { Alert, Button, Card, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { INVITABLE_ROLES, LOCALES, ZCreateInvitationRequest } from '@tahkim/contracts';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { useLocale } from '../../locale/use-locale';
import { useCreateInvitationMutation } from '../mutations';

export function InviteForm() {
  const { t } = useTranslation(['admin', 'common']);
  const { locale } = useLocale();
  const createInvitation = useCreateInvitationMutation();
  const form = useForm({
    resolver: zodResolver(ZCreateInvitationRequest),
    defaultValues: { email: '', role: 'JUROR', locale },
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

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      await createInvitation.mutateAsync(values);
      form.reset({ ...values, email: '' });
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  const sent = createInvitation.data;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="invite-form-title">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Title id="invite-form-title" order={2} fz="lg">
            {t('invitations.form.heading')}
          </Title>
          <FormErrorAlert message={errors.root?.server?.message} />
          <div role="status" aria-live="polite">
            {sent ? (
              <Alert color="tahkim" variant="light">
                {sent.addedToExistingAccount
                  ? t('invitations.form.addedToExisting', { email: sent.email })
                  : t('invitations.form.sent', { email: sent.email })}
              </Alert>
            ) : null}
          </div>
          <TextInput
            label={t('invitations.form.email')}
            type="email"
            autoComplete="off"
            inputMode="email"
            required
            error={errors.email?.message}
            {...register('email')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ alignItems: 'end' }}>
            <NativeSelect
              label={t('invitations.form.role')}
              data={INVITABLE_ROLES.map((role) => ({ value: role, label: t(`invitations.roles.${role}`) }))}
              error={errors.role?.message}
              {...register('role')}
            />
            <NativeSelect
              label={t('invitations.form.locale')}
              description={t('invitations.form.localeHint')}
              data={LOCALES.map((option) => ({ value: option, label: t('common:language.nativeName', { lng: option }) }))}
              error={errors.locale?.message}
              {...register('locale')}
            />
          </SimpleGrid>
          <Button type="submit" loading={isSubmitting} style={{ alignSelf: 'flex-start' }}>
            {t('invitations.form.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
