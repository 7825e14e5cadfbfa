import { zodResolver } from '../../../lib/form-resolver';
import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { EMAIL_STATUSES, ZEmailListQuery, type TEmailListQuery } from '@tahkim/contracts';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

const ZEmailFilters = ZEmailListQuery.pick({ to: true, status: true });
export type EmailFilters = Pick<TEmailListQuery, 'to' | 'status'>;

export function EmailFiltersForm({ value, onChange }: { value: EmailFilters; onChange: (filters: EmailFilters) => void }) {
  const { t } = useTranslation('admin');
  const form = useForm({
    resolver: zodResolver(ZEmailFilters),
    values: { to: value.to ?? '', status: value.status },
  });
  const {
    register,
    formState: { errors },
  } = form;

  const onSubmit = form.handleSubmit((filters) => onChange({ to: filters.to || undefined, status: filters.status }));

  return (
    <form onSubmit={onSubmit} noValidate role="search" aria-label={t('emails.filters.label')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('emails.filters.to')}
          type="search"
          inputMode="email"
          autoComplete="off"
          error={errors.to?.message}
          style={{ flex: '1 1 14rem' }}
          {...register('to')}
        />
        <NativeSelect
          label={t('emails.filters.status')}
          data={[
            { value: '', label: t('emails.filters.allStatuses') },
            ...EMAIL_STATUSES.map((status) => ({ value: status, label: t(`emails.statuses.${status}`) })),
          ]}
          error={errors.status?.message}
          style={{ flex: '0 1 12rem' }}
          {...register('status', { setValueAs: (selected: string) => selected || undefined })}
        />
        <Group gap="xs">
          <Button type="submit">{t('emails.filters.apply')}</Button>
          <Button type="button" variant="default" onClick={() => onChange({})}>
            {t('emails.filters.reset')}
          </Button>
        </Group>
      </Group>
    </form>
  );
}
