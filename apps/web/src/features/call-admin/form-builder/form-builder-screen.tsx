import { Alert, Badge, Button, Group, List, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZFormDefinition, ZFormLockedDetails, type TFormDefinition } from '@tahkim/contracts';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../lib/api';
import { useLocale } from '../../locale/use-locale';
import { localized } from '../call-display';
import { builderReducer, fromDefinition, toDefinition, type BuilderState } from './builder-state';
import { FormBuilderEditor } from './form-builder-editor';
import { FormPreviewModal } from './form-preview';

/** A form as the API stores it: the definition, its version, and whether answers lock deletions. */
export interface SavedForm {
  version: number;
  locked: boolean;
  definition: TFormDefinition;
}

/** What a save sends: the version it started from and the whole definition. */
export interface FormSaveBody {
  version: number;
  definition: TFormDefinition;
}

/** The save mutation of the form being built (TanStack Query's `useMutation` result fits). */
export interface FormSaveMutation<S extends SavedForm> {
  mutate(body: FormSaveBody, options?: { onSuccess?: (saved: S) => void; onError?: (error: Error) => void }): void;
  isPending: boolean;
}

/** The words that differ from one form to another (the call's application form, a programme's report form). */
export interface FormBuilderTexts {
  heading: string;
  /** A line under the heading, when the form needs one. */
  intro?: string;
  back: { to: string; label: string };
  saved: (version: number) => string;
  lockedTitle: string;
  lockedBody: string;
  conflictTitle: string;
  conflictBody: string;
}

export interface FormBuilderScreenProps<S extends SavedForm> {
  saved: S;
  save: FormSaveMutation<S>;
  /** The form as stored now, read again after a version conflict. */
  reload: () => Promise<S>;
  texts: FormBuilderTexts;
}

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

/**
 * A versioned form being built: its steps and questions, a preview, the save with the version it started
 * from (a stale one offers to reload), and the lock that keeps answered questions from being deleted.
 * Only where it loads from and saves to, and its headings, differ between the forms built with it.
 */
export function FormBuilderScreen<S extends SavedForm>({ saved, save, reload, texts }: FormBuilderScreenProps<S>) {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const [state, dispatch] = useReducer(builderReducer, saved.definition, fromDefinition);
  const [baseline, setBaseline] = useState(() => JSON.stringify(toDefinition(fromDefinition(saved.definition))));
  const [version, setVersion] = useState(saved.version);
  const [problems, setProblems] = useState<string[]>([]);
  const [conflict, setConflict] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const definition = useMemo(() => toDefinition(state), [state]);
  const dirty = JSON.stringify(definition) !== baseline;

  // Closing or reloading the tab with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const adopt = (form: SavedForm) => {
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
          notifications.show({ color: 'tahkim', message: texts.saved(form.version) });
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

  const onReload = async () => {
    adopt(await reload());
    setConflict(false);
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text component={Link} to={texts.back.to} size="sm" c="tahkim.8">
            {texts.back.label}
          </Text>
          <Group gap="sm">
            <Title order={1}>{texts.heading}</Title>
            <Badge variant="light" color="gray">
              {t('builder.version', { version })}
            </Badge>
          </Group>
          {texts.intro ? <Text size="sm">{texts.intro}</Text> : null}
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
        <Alert color="blue" variant="light" title={texts.lockedTitle}>
          {texts.lockedBody}
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
      <Modal opened={conflict} onClose={() => setConflict(false)} title={texts.conflictTitle}>
        <Stack gap="md">
          <Text>{texts.conflictBody}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConflict(false)} data-autofocus>
              {t('builder.conflictKeep')}
            </Button>
            <Button color="orange" onClick={() => void onReload()}>
              {t('builder.conflictReload')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
