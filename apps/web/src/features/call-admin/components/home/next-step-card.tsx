import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TCallStaff, TCallSummary, TFormResponse } from '@tahkim/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OpenRoundButton } from '../../../rounds/components/open-round-button';
import { callKeys } from '../../queries';
import { CallDate } from '../call-date';
import { CallLifecycleActions } from '../call-lifecycle-actions';

type Next = TCallSummary['next'];

type LinkStep = Exclude<Next['step'], 'PUBLISH' | 'OPEN_ROUND' | 'DONE'>;

/** Where the step's button leads, for the steps that are a page of the back office. */
function stepLink(next: Next, call: TCallStaff): string | null {
  const round = next.roundId ? `/admin/rounds/${next.roundId}` : null;
  switch (next.step) {
    case 'BUILD_FORM':
      return `/admin/calls/${call.id}/form`;
    case 'WAIT_FOR_OPENING':
    case 'WAIT_FOR_APPLICATIONS':
      return `/calls/${call.slug}`;
    case 'SCREEN':
      return `/admin/calls/${call.id}/applications?status=SUBMITTED&sort=submittedAt&order=asc`;
    case 'CREATE_ROUND':
      return `/admin/calls/${call.id}/rounds`;
    case 'ADD_JURORS':
      return round && `${round}?tab=jurors`;
    case 'ASSIGN':
      return round && `${round}?tab=assignment`;
    case 'REMIND_JURORS':
      return round && `${round}?tab=progress`;
    case 'READ_RANKING':
      return round && `${round}/ranking`;
    case 'READ_BALLOT':
      return round && `${round}/ballot`;
    case 'PUBLISH_DECISIONS':
      return `/admin/calls/${call.id}/decisions`;
    case 'PUBLISH':
    case 'OPEN_ROUND':
    case 'DONE':
      return null;
  }
}

/** The one thing to do next on the call, said in words, with the button that does it or leads to it. */
export function NextStepCard({ summary, call, form }: { summary: TCallSummary; call: TCallStaff; form: TFormResponse | undefined }) {
  const { t } = useTranslation('callHome');
  const queryClient = useQueryClient();
  const { next } = summary;
  const values = { count: next.count ?? 0, number: next.roundNumber ?? 0 };
  const link = stepLink(next, call);
  const round = summary.rounds.find((candidate) => candidate.id === next.roundId);
  const beforeDeadline = !summary.deadlinePassed && call.status === 'PUBLISHED';

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="next-step-title" className="call-home-next">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="next-step-title">
          {t('next.heading')}
        </Title>
        <Text>
          {next.step === 'WAIT_FOR_OPENING' ? (
            <>
              {t('next.WAIT_FOR_OPENING.text')} <CallDate iso={call.opensAt} local={call.opensAtLocal} />
            </>
          ) : (
            t(`next.${next.step}.text`, values)
          )}
        </Text>
        {next.step === 'SCREEN' && beforeDeadline ? (
          <Alert color="orange" variant="light">
            {t('next.SCREEN.early')} <CallDate iso={call.closesAt} local={call.closesAtLocal} />
          </Alert>
        ) : null}
        <Group gap="sm">
          {link ? (
            <Button component={Link} to={link}>
              {t(`next.${next.step as LinkStep}.action`, values)}
            </Button>
          ) : null}
          {next.step === 'PUBLISH' ? <CallLifecycleActions call={call} form={form} unsavedChanges={false} /> : null}
          {next.step === 'OPEN_ROUND' && round ? (
            <OpenRoundButton
              round={{ ...round, callId: call.id }}
              onOpened={() => void queryClient.invalidateQueries({ queryKey: callKeys.summary(call.id) })}
            />
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}
