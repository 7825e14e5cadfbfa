import { Alert, Badge, Button, Card, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  allFields,
  fieldOptions,
  type TCallStaff,
  type TEligibilityRule,
  type TFormDefinition,
  type TLocale,
  type TStaffApplication,
} from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isolate } from '../../../components/user-text';
import { formatList } from '../../../lib/format';
import { formatMoney, formatNumber } from '../../../lib/number-format';
import { meQuery } from '../../auth/queries';
import { localized } from '../../call-admin/call-display';
import { CallDate } from '../../call-admin/components/call-date';
import { useLocale } from '../../locale/use-locale';
import { APPLICATION_STATUS_COLORS, eligibilityReasons, SCREENABLE_STATUSES, SUGGESTION_COLORS } from '../display';
import { useScreeningMutation } from '../mutations';
import { EarlyScreeningNotice, isEarlyScreening, screeningIsEarly } from './early-screening-notice';

/** A rule in words: "Région is one of Souss-Massa, Oriental", "Montant demandé at most 200 000 MAD". */
function useRuleText() {
  const { t } = useTranslation('screening');
  return (rule: TEligibilityRule, form: TFormDefinition | undefined, locale: TLocale) => {
    const field = form ? allFields(form).find((candidate) => candidate.key === rule.fieldKey) : undefined;
    const name = field ? localized(field.label, locale) || field.key : rule.fieldKey;
    const number = (value: number) => (field?.type === 'MONEY' ? formatMoney(value, locale) : formatNumber(value, locale));
    switch (rule.kind) {
      case 'IN_LIST': {
        const labels = rule.values.map((value) => {
          const option = field ? fieldOptions(field).find((candidate) => candidate.value === value) : undefined;
          return option ? localized(option.label, locale) : value;
        });
        return t('rules.IN_LIST', { field: name, values: formatList(labels, locale) });
      }
      case 'AT_MOST':
        return t('rules.AT_MOST', { field: name, value: number(rule.max) });
      case 'AT_LEAST':
        return t('rules.AT_LEAST', { field: name, value: number(rule.min) });
    }
  };
}

export function ScreeningPanel({
  application,
  call,
  form,
  nextPending,
}: {
  application: TStaffApplication;
  call: TCallStaff | undefined;
  form: TFormDefinition | undefined;
  /** The next dossier waiting for screening in the list this one was opened from, and how many wait. */
  nextPending?: { to: string | null; pending: number };
}) {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  const ruleText = useRuleText();
  const { data: me } = useQuery(meQuery());
  const screening = useScreeningMutation(application.id);
  const [decision, setDecision] = useState<'ELIGIBLE' | 'INELIGIBLE' | null>(null);
  const [note, setNote] = useState(application.screeningNote ?? '');
  const [acknowledged, setAcknowledged] = useState(false);
  // The server's refusal says the deadline is ahead too, whatever this clock reads.
  const early = screeningIsEarly(call, screening.error);
  const reasons = eligibilityReasons(application.eligibilityReasons);
  const rules = call?.eligibilityRules ?? [];

  const confirm = () => {
    if (!decision) return;
    screening.mutate(
      { decision, note: note.trim() || undefined, ...(early && acknowledged && { acknowledgeEarly: true }) },
      {
        onSuccess: () => {
          notifications.show({ color: 'tahkim', message: t(`screening.done.${decision}`) });
          setDecision(null);
          setAcknowledged(false);
        },
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="screening-title">
      <Stack gap="md">
        <Title id="screening-title" order={2} fz="lg">
          {t('screening.heading')}
        </Title>
        <Group gap="xs">
          <Text size="sm">{t('screening.status')}</Text>
          <Badge color={APPLICATION_STATUS_COLORS[application.status]} variant="light">
            {t(`status.${application.status}`)}
          </Badge>
        </Group>
        <Stack gap={4}>
          <Group gap="xs">
            <Text size="sm">{t('screening.suggestion')}</Text>
            {application.eligibilitySuggestion ? (
              <Badge color={SUGGESTION_COLORS[application.eligibilitySuggestion]} variant="outline">
                {t(`suggestion.${application.eligibilitySuggestion}`)}
              </Badge>
            ) : (
              <Text size="sm" c="dimmed">
                {t('screening.noSuggestion')}
              </Text>
            )}
          </Group>
          {reasons.failed.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {t('screening.failedRules')}
              </Text>
              <List size="sm">
                {reasons.failed.map((index) => (rules[index] ? <List.Item key={index}>{ruleText(rules[index], form, locale)}</List.Item> : null))}
              </List>
            </>
          ) : null}
          {reasons.unanswered.length > 0 ? (
            <>
              <Text size="sm" fw={600}>
                {t('screening.uncheckedRules')}
              </Text>
              <List size="sm">
                {reasons.unanswered.map((index) => (rules[index] ? <List.Item key={index}>{ruleText(rules[index], form, locale)}</List.Item> : null))}
              </List>
            </>
          ) : null}
          {application.eligibilitySuggestion ? (
            <Text size="xs" c="dimmed">
              {t('screening.suggestionHint')}
            </Text>
          ) : null}
        </Stack>
        {application.screenedAt ? (
          <Alert variant="light" color={application.status === 'INELIGIBLE' ? 'red' : 'tahkim'}>
            <Stack gap={4}>
              <Text size="sm">
                {t('screening.screenedAt')} <CallDate iso={application.screenedAt} style="short" />
                {/* The API gives the screener's id: named only when it is the reader. */}
                {application.screenedBy && application.screenedBy === me?.id ? ` · ${t('screening.screenedByYou')}` : ''}
              </Text>
              {application.screeningNote ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{application.screeningNote}</Text> : null}
            </Stack>
          </Alert>
        ) : null}
        {SCREENABLE_STATUSES.includes(application.status) ? (
          <Group gap="sm">
            <Button color="tahkim" onClick={() => setDecision('ELIGIBLE')} disabled={application.status === 'ELIGIBLE'}>
              {t('screening.markEligible')}
            </Button>
            <Button color="red" variant="light" onClick={() => setDecision('INELIGIBLE')} disabled={application.status === 'INELIGIBLE'}>
              {t('screening.markIneligible')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('screening.notScreenable')}
          </Text>
        )}
        {nextPending && application.status !== 'SUBMITTED' ? (
          nextPending.to ? (
            <Button component={Link} to={nextPending.to} variant="light">
              {t('dossierNav.nextPending', { count: nextPending.pending })}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('dossierNav.nonePending')}
            </Text>
          )
        ) : null}
      </Stack>
      <Modal
        opened={decision !== null}
        onClose={() => setDecision(null)}
        title={decision ? t(`screening.confirmTitle.${decision}`) : ''}
      >
        <Stack gap="md">
          <Text>{decision ? t(`screening.confirmBody.${decision}`, { reference: isolate(application.reference ?? '', 'ltr') }) : ''}</Text>
          <Textarea label={t('screening.note')} description={t('screening.noteHint')} value={note} onChange={(event) => setNote(event.currentTarget.value)} maxLength={2000} rows={3} data-autofocus />
          {early ? <EarlyScreeningNotice call={call} acknowledged={acknowledged} onAcknowledge={setAcknowledged} /> : null}
          {screening.error && !(isEarlyScreening(screening.error) && !acknowledged) ? (
            <Alert color="red" variant="light" role="alert">
              {screening.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDecision(null)}>
              {t('screening.cancel')}
            </Button>
            <Button color={decision === 'INELIGIBLE' ? 'red' : 'tahkim'} loading={screening.isPending} disabled={early && !acknowledged} onClick={confirm}>
              {t('screening.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
