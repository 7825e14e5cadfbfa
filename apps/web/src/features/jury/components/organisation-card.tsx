import { Button, Card, Group, Text, TextInput } from '@mantine/core';
import { zodResolver } from '../../../lib/form-resolver';
import { ZUpdateMeRequest } from '@tahkim/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { useUpdateMeMutation } from '../../auth/mutations';

const ZOrganisationForm = ZUpdateMeRequest.pick({ organisation: true });

/**
 * The juror's declared organisation: staff are shown a likely conflict of interest wherever an
 * application names it, before assigning.
 */
export function OrganisationCard({ organisation }: { organisation: string | null }) {
  const { t } = useTranslation('jury');
  const updateMe = useUpdateMeMutation();
  const form = useForm({ resolver: zodResolver(ZOrganisationForm), defaultValues: { organisation: organisation ?? '' } });
  const {
    register,
    formState: { errors, isSubmitting, isDirty, isSubmitSuccessful },
  } = form;
  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const user = await updateMe.mutateAsync({ organisation: values.organisation ?? null });
      form.reset({ organisation: user.organisation ?? '' });
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  return (
    <Card withBorder padding="md" radius="md">
      <form onSubmit={onSubmit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            style={{ flex: '1 1 16rem' }}
            label={t('organisation.label')}
            description={t('organisation.help')}
            dir="auto"
            error={errors.organisation?.message ?? errors.root?.server?.message}
            {...register('organisation')}
          />
          <Button type="submit" variant="light" loading={isSubmitting} disabled={!isDirty}>
            {t('organisation.save')}
          </Button>
        </Group>
        {isSubmitSuccessful && !isDirty && !errors.root ? (
          <Text size="sm" c="teal" mt="xs" role="status">
            {t('organisation.saved')}
          </Text>
        ) : null}
      </form>
    </Card>
  );
}
