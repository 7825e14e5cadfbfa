import { Alert, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZFormDefinition, ZFormLockedDetails, type TFormResponse } from '@tahkim/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLocale } from '../../locale/use-locale';
import { localized } from '../call-display';
import { FormPreviewModal } from '../form-builder/form-preview';
import { FormBuilderEditor } from '../form-builder/form-builder-editor';
import { builderReducer, fromDefinition, toDefinition, type BuilderState } from '../form-builder/builder-state';
import { useSaveFormMutation } from '../mutations';
import { callFormQuery, callQuery } from '../queries';

/** "Step 2, question 3: duplicate field key" for each problem of the definition. */
function describeIssues(state: BuilderState, issues: { path: PropertyKey[]; message: string }[], locale: 'ar' | 'fr' | 'en', t: TFunction<'callAdmin'>): string[] {
  return issues.map((issue) => {
    const [, s, , f] = issue.path;
    const section = typeof s === 'number' ? state.sections[s] : undefined;
    const field = section && typeof f === 'number' ? section.fields[f] : undefined;
    const where = field ? localized(field.label, locale) || field.key : section ? localized(section.title, locale) || section.key : '';
    return where ? t('builder.issueAt', { where, message: issue.message }) : issue.message;
  });
}

function Builder({ callId, saved, title }: { callId: string; saved: TFormResponse; title: string }) {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const [state, dispatch] = useReducer(builderReducer, saved.definition, fromDefinition);
  const [baseline, setBaseline] = useState(() => JSON.stringify(toDefinition(fromDefinition(saved.definition))));
  const [version, setVersion] = useState(saved.version);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const save = useSaveFormMutation(callId);
  const queryClient = useQueryClient();
  const definition = useMemo(() => toDefinition(state), [state]);
  const dirty = JSON.stringify(definition) !== baseline;

  // Closing or reloading the tab with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const adopt = (form: TFormResponse) => {
    dispatch({ type: 'reset', state: fromDefinition(form.definition) });
    setBaseline(JSON.stringify(toDefinition(fromDefinition(form.definition))));
    setVersion(form.version);
    setProblems([]);
  };

  const onSave = () => {
    const parsed = ZFormDefinition.safeParse(definition);
    if (!parsed.success) {
      setProblems(describeIssues(state, parsed.error.issues, locale, t));
      return;
    }
    setProblems([]);
    save.mutate(
      { version, definition: parsed.data },
      {
        onSuccess: (form) => {
          adopt(form);
          notifications.show({ color: 'tahkim', message: t('builder.saved', { version: form.version }) });
        },
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') setConflict(true);
          else if (error instanceof ApiError && error.code === 'CONFLICT' && ZFormLockedDetails.safeParse(error.details).success) {
            const details = ZFormLockedDetails.parse(error.details);
            setProblems([
              error.message,
              ...details.removedSections.map((key) => t('builder.locked.removedSection', { key })),
              ...details.removedFields.map((key) => t('builder.locked.removedField', { key })),
              ...details.retypedFields.map((field) => t('builder.locked.retypedField', { key: field.key, from: t(`fieldTypes.${field.from}` as 'fieldTypes.FILE'), to: t(`fieldTypes.${field.to}` as 'fieldTypes.FILE') })),
            ]);
          } else if (error instanceof ApiError) setProblems([error.message, ...describeIssues(state, error.issues, locale, t)]);
          else setProblems([error.message]);
        },
      },
    );
  };

  const reload = async () => {
    adopt(await queryClient.fetchQuery({ ...callFormQuery(callId), staleTime: 0 }));
    setConflict(false);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text component={Link} to={`/admin/calls/${callId}`} size="sm" c="tahkim.8">
            {t('builder.backToCall', { title })}
          </Text>
          <Group gap="sm">
            <Title order={1}>{t('builder.heading')}</Title>
            <Badge variant="light" color="gray">
              {t('builder.version', { version })}
            </Badge>
          </Group>
        </Stack>
        <Group gap="sm">
          <Button variant="default" onClick={() => setPreviewing(true)}>
            {t('builder.preview')}
          </Button>
          <Button onClick={onSave} loading={save.isPending} disabled={!dirty}>
            {t('builder.save')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c={dirty ? 'orange' : 'dimmed'} role="status" aria-live="polite">
        {dirty ? t('builder.unsaved') : t('builder.upToDate')}
      </Text>
      {saved.locked ? (
        <Alert color="blue" variant="light" title={t('builder.lockedTitle')}>
          {t('builder.lockedBody')}
        </Alert>
      ) : null}
      {problems.length > 0 ? (
        <Alert color="red" variant="light" role="alert" title={t('builder.problems')}>
          <List size="sm">
            {problems.map((problem, index) => (
              <List.Item key={index}>{problem}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      <FormBuilderEditor state={state} dispatch={dispatch} locked={saved.locked} />
      <FormPreviewModal opened={previewing} onClose={() => setPreviewing(false)} definition={definition} />
      <Modal opened={conflict} onClose={() => setConflict(false)} title={t('builder.conflictTitle')}>
        <Stack gap="md">
          <Text>{t('builder.conflictBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConflict(false)} data-autofocus>
              {t('builder.conflictKeep')}
            </Button>
            <Button color="orange" onClick={() => void reload()}>
              {t('builder.conflictReload')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function FormBuilderPage() {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const call = useQuery(callQuery(id));
  const form = useQuery({ ...callFormQuery(id), staleTime: Infinity, refetchOnWindowFocus: false });
  usePageTitle(t('builder.title'));

  if (form.isPending || call.isPending) return <PageLoader />;
  if (form.isError) return <LoadError error={form.error} onRetry={() => void form.refetch()} />;
  if (call.isError) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;
  return <Builder callId={id} saved={form.data} title={localized(call.data.title, locale) || call.data.slug} />;
}
