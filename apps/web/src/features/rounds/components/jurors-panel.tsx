import { Alert, Badge, Button, Card, Group, List, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { LOCALES, ZAddJurorsRequest, type TLocale } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ScrollTable } from '../../../components/scroll-table';
import { formatDate, formatList } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { useAddJurorsMutation, useRemoveJurorMutation } from '../mutations';
import { roundJurorsQuery } from '../queries';
import type { TAddJurorsResult, TRoundJurorList } from '../rounds-api';
import { useTopicLabels } from '../use-topic-labels';
import { ExpertiseDialog } from './expertise-dialog';

type RoundJuror = TRoundJurorList['items'][number];

/** Emails as people paste them: one a line, or separated by commas, semicolons or spaces. */
export function parseEmails(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/u).map((part) => part.trim().toLowerCase()).filter(Boolean))];
}

function AddJurorsForm({ roundId }: { roundId: string }) {
  const { t } = useTranslation(['rounds', 'common']);
  const { locale } = useLocale();
  // The invitation's language follows the page until staff pick the juror's own.
  const [chosenLocale, setChosenLocale] = useState<TLocale | null>(null);
  const emailLocale = chosenLocale ?? locale;
  const add = useAddJurorsMutation(roundId);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<TAddJurorsResult | null>(null);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const emails = parseEmails(text);
        const parsed = ZAddJurorsRequest.safeParse({ emails, locale: emailLocale });
        if (!parsed.success) {
          const invalid = emails.filter((email) => !ZAddJurorsRequest.shape.emails.element.safeParse(email).success);
          setError(emails.length === 0 ? t('jurors.errors.empty') : t('jurors.errors.invalid', { emails: formatList(invalid, locale) }));
          return;
        }
        setError(null);
        add.mutate(parsed.data, {
          onSuccess: (answer) => {
            setResult(answer);
            setText('');
          },
          onError: (failure) => setError(failure.message),
        });
      }}
    >
      <Stack gap="sm">
        <Textarea
          label={t('jurors.addLabel')}
          description={t('jurors.addHint')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
          dir="ltr"
          error={error}
        />
        <NativeSelect
          label={t('jurors.emailLocale')}
          description={t('jurors.emailLocaleHint')}
          data={LOCALES.map((option) => ({ value: option, label: t('common:language.nativeName', { lng: option }) }))}
          value={emailLocale}
          onChange={(event) => setChosenLocale(event.currentTarget.value as TLocale)}
          maw={560}
        />
        <Group>
          <Button type="submit" loading={add.isPending}>
            {t('jurors.add')}
          </Button>
        </Group>
        {result ? (
          <Alert color="tahkim" variant="light" role="status" title={t('jurors.resultTitle')}>
            <List size="sm">
              {result.added.length > 0 ? <List.Item>{t('jurors.resultAdded', { emails: formatList(result.added, locale) })}</List.Item> : null}
              {result.invited.length > 0 ? <List.Item>{t('jurors.resultInvited', { emails: formatList(result.invited, locale) })}</List.Item> : null}
              {result.alreadyMembers.length > 0 ? (
                <List.Item>{t('jurors.resultAlready', { emails: formatList(result.alreadyMembers, locale) })}</List.Item>
              ) : null}
            </List>
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}

/** A juror's expertise as badges named in the interface language, and the action that edits it. */
function ExpertiseCell({ juror, label, onEdit }: { juror: RoundJuror; label: (key: string) => string; onEdit: () => void }) {
  const { t } = useTranslation('rounds');
  return (
    <Stack gap={6} align="flex-start">
      {juror.expertise.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('jurors.expertise.none')}
        </Text>
      ) : (
        <Group gap={4} wrap="wrap">
          {juror.expertise.map((key) => (
            <Badge key={key} variant="light" tt="none">
              <bdi>{label(key)}</bdi>
            </Badge>
          ))}
        </Group>
      )}
      <Button size="xs" variant="light" onClick={onEdit} aria-label={t('jurors.expertise.editFor', { name: juror.displayName })}>
        {t('jurors.expertise.edit')}
      </Button>
    </Stack>
  );
}

/** The round's jurors with where each stands and what each knows, the invitations still open, and adding more. */
export function JurorsPanel({ roundId, callId }: { roundId: string; callId: string }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const jurors = useQuery(roundJurorsQuery(roundId));
  const remove = useRemoveJurorMutation(roundId);
  const topics = useTopicLabels(callId);
  const [editing, setEditing] = useState<RoundJuror | null>(null);

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" padding="md">
        <AddJurorsForm roundId={roundId} />
      </Card>
      {jurors.isPending ? (
        <PageLoader />
      ) : jurors.isError ? (
        <LoadError error={jurors.error} onRetry={() => void jurors.refetch()} />
      ) : (
        <>
          <Title order={2} size="h4">
            {t('jurors.rosterTitle', { count: jurors.data.items.length })}
          </Title>
          {jurors.data.items.length === 0 ? (
            <Text c="dimmed">{t('jurors.empty')}</Text>
          ) : (
            <ScrollTable label={t('jurors.rosterCaption')} minWidth={800} cards>
              <Table striped verticalSpacing="xs">
                <caption className="visually-hidden">{t('jurors.rosterCaption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('jurors.columns.juror')}</Table.Th>
                    <Table.Th scope="col">{t('jurors.columns.organisation')}</Table.Th>
                    <Table.Th scope="col">{t('jurors.columns.expertise')}</Table.Th>
                    <Table.Th scope="col">{t('jurors.columns.assigned')}</Table.Th>
                    <Table.Th scope="col">{t('jurors.columns.draft')}</Table.Th>
                    <Table.Th scope="col">{t('jurors.columns.submitted')}</Table.Th>
                    <Table.Th scope="col">{t('jurors.columns.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {jurors.data.items.map((juror) => (
                    <Table.Tr key={juror.id}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          <bdi>{juror.displayName}</bdi>
                        </Text>
                        <Text size="xs" c="dimmed" dir="ltr" style={{ textAlign: 'start' }}>
                          {juror.email}
                        </Text>
                      </Table.Td>
                      <Table.Td data-label={t('jurors.columns.organisation')}>{juror.organisation ?? '—'}</Table.Td>
                      <Table.Td data-label={t('jurors.columns.expertise')}>
                        <ExpertiseCell juror={juror} label={topics.label} onEdit={() => setEditing(juror)} />
                      </Table.Td>
                      <Table.Td data-label={t('jurors.columns.assigned')}>{juror.progress.assigned}</Table.Td>
                      <Table.Td data-label={t('jurors.columns.draft')}>{juror.progress.draft}</Table.Td>
                      <Table.Td data-label={t('jurors.columns.submitted')}>{juror.progress.submitted}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          disabled={juror.progress.submitted > 0}
                          title={juror.progress.submitted > 0 ? t('jurors.removeRefused') : undefined}
                          loading={remove.isPending && remove.variables === juror.id}
                          onClick={() => {
                            if (!window.confirm(t('jurors.removeConfirm', { name: juror.displayName }))) return;
                            remove.mutate(juror.id, { onError: (error) => notifications.show({ color: 'red', message: error.message }) });
                          }}
                        >
                          {t('jurors.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          {jurors.data.pendingInvitations.length > 0 ? (
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('jurors.pendingTitle')}
              </Title>
              <List size="sm">
                {jurors.data.pendingInvitations.map((invitation) => (
                  <List.Item key={invitation.id}>
                    {t('jurors.pendingItem', { email: invitation.email, date: formatDate(invitation.expiresAt, locale) })}
                  </List.Item>
                ))}
              </List>
            </Stack>
          ) : null}
        </>
      )}
      {editing ? <ExpertiseDialog key={editing.id} roundId={roundId} juror={editing} topics={topics.topics} topicsState={topics} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
