import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLocale } from '../../locale/use-locale';
import { CALL_STATUS_COLORS, localized } from '../call-display';
import { callToFormValues, newCallValues, toCreateCallRequest, toUpdateCallRequest } from '../call-form-values';
import { CallEditorForm } from '../components/call-editor-form';
import { CallLifecycleActions } from '../components/call-lifecycle-actions';
import { CallTopicsEditor } from '../components/call-topics-editor';
import { useCreateCallMutation, useUpdateCallMutation } from '../mutations';
import { callFormQuery, callQuery } from '../queries';
import { JuryLink } from '../../rounds/components/jury-link';
import { DecisionsLink } from '../../decisions/components/decisions-link';

export function NewCallPage() {
  const { t } = useTranslation('callAdmin');
  usePageTitle(t('editor.newTitle'));
  const navigate = useNavigate();
  const create = useCreateCallMutation();
  const defaults = useMemo(() => newCallValues(), []);

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to="/admin/calls" size="sm" c="tahkim.8">
          {t('editor.backToList')}
        </Text>
        <Title order={1}>{t('editor.newTitle')}</Title>
        <Text c="dimmed">{t('editor.newIntro')}</Text>
      </Stack>
      <CallEditorForm
        defaultValues={defaults}
        form={undefined}
        submitLabel={t('editor.create')}
        onSubmit={async (values) => {
          const call = await create.mutateAsync(toCreateCallRequest(values));
          notifications.show({ color: 'tahkim', message: t('editor.created') });
          // The new call's settings stay on screen; its home is one link away.
          await navigate(`/admin/calls/${call.id}`);
        }}
      />
    </Stack>
  );
}

export function EditCallPage() {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const call = useQuery(callQuery(id));
  const form = useQuery(callFormQuery(id));
  const update = useUpdateCallMutation(id);
  const [dirty, setDirty] = useState(false);
  usePageTitle(call.data ? localized(call.data.title, locale) || call.data.slug : t('editor.editTitle'));
  const defaults = useMemo(() => (call.data ? callToFormValues(call.data) : undefined), [call.data]);

  if (call.isPending) return <PageLoader />;
  if (call.isError) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text component={Link} to={`/admin/calls/${id}`} size="sm" c="tahkim.8">
            {t('editor.backToHome')}
          </Text>
          <Group gap="sm">
            <Title order={1}>{localized(call.data.title, locale) || call.data.slug}</Title>
            <Badge color={CALL_STATUS_COLORS[call.data.status]} variant="light">
              {t(`status.${call.data.status}`)}
            </Badge>
          </Group>
          <Group gap="xs">
            <Button component={Link} to={`/admin/calls/${id}/form`} size="xs" variant="default">
              {t('editor.openFormBuilder')}
            </Button>
            <Button component={Link} to={`/admin/calls/${id}/applications`} size="xs" variant="default">
              {t('editor.openApplications', { number: call.data.applicationCounts.submitted })}
            </Button>
            <JuryLink callId={id} />
            <DecisionsLink callId={id} />
          </Group>
        </Stack>
        <CallLifecycleActions call={call.data} form={form.data} unsavedChanges={dirty} />
      </Group>
      <CallEditorForm
        key={call.data.updatedAt}
        defaultValues={defaults!}
        form={form.data?.definition}
        submitLabel={t('editor.save')}
        onDirtyChange={setDirty}
        onSubmit={async (values, dirtyFields) => {
          await update.mutateAsync(toUpdateCallRequest(values, dirtyFields));
          notifications.show({ color: 'tahkim', message: t('editor.saved') });
        }}
      />
      {/* Saved on its own: the topics are not part of the call's settings. */}
      <CallTopicsEditor callId={id} />
    </Stack>
  );
}
