import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TPublicProfile, TPublicProfileConsent } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/format';
import { applicationOutcomeQuery } from '../../decisions/queries';
import { useLocale } from '../../locale/use-locale';
import { conflictingProfile, useGiveConsentMutation, useWithdrawConsentMutation } from '../public-profile-mutations';
import { publicProfileQuery } from '../queries';
import { PublicProfileForm } from './public-profile-form';
import { PublicProfilePreview } from './public-profile-preview';

const CONSENT_COLORS: Record<TPublicProfileConsent, string> = { PENDING: 'orange', GIVEN: 'green', WITHDRAWN: 'gray' };

/** Why an answer was not taken: the API's words and, when staff changed the text meanwhile, a word that the new one is shown. */
interface Refusal {
  message: string;
  changed: boolean;
}

/** Where the winner stands: waiting for their answer, agreed (shown now or once the page is published), or refused. */
function ConsentState({ profile }: { profile: TPublicProfile }) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  if (profile.consent === 'PENDING') return <Text size="sm">{t('publicProfile.state.PENDING')}</Text>;
  const date = formatDate(profile.consentAt ?? profile.updatedAt, locale);
  if (profile.consent === 'WITHDRAWN') return <Text size="sm">{t('publicProfile.state.WITHDRAWN', { date })}</Text>;
  return (
    <Stack gap={4}>
      <Text size="sm">{t('publicProfile.state.GIVEN', { date })}</Text>
      {profile.resultsPublished ? (
        <Text size="sm">
          {t('publicProfile.state.shown')}{' '}
          <Anchor component={Link} to={`/calls/${encodeURIComponent(profile.callSlug)}/results`} data-testid="public-profile-results-link">
            {t('publicProfile.state.resultsLink')}
          </Anchor>
        </Text>
      ) : (
        <Text size="sm">{t('publicProfile.state.shownLater')}</Text>
      )}
    </Stack>
  );
}

/** The winner's presentation on the public results page: what it says, where they stand, and their answer. */
export function PublicProfileCard({ profile }: { profile: TPublicProfile }) {
  const { t } = useTranslation('applications');
  const consent = useGiveConsentMutation(profile.applicationId);
  const withdraw = useWithdrawConsentMutation(profile.applicationId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The question the confirmation asks, kept while it closes (the answer changes the consent under it).
  const [asked, setAsked] = useState<'refuse' | 'withdraw'>('refuse');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const given = profile.consent === 'GIVEN';
  // When the control that was used goes away (the form closes, "I agree" once agreed, "I do not agree" once refused), focus stays in the card.
  const titleRef = useRef<HTMLHeadingElement>(null);
  const focusTitle = () => requestAnimationFrame(() => titleRef.current?.focus());
  const busy = consent.isPending || withdraw.isPending;

  const refused = (error: Error) => setRefusal({ message: error.message, changed: conflictingProfile(error) !== null });
  const agree = () => {
    setRefusal(null);
    consent.mutate(
      { version: profile.version },
      {
        onSuccess: () => {
          notifications.show({ color: 'tahkim', message: t('publicProfile.done.agreed') });
          focusTitle();
        },
        onError: refused,
      },
    );
  };
  const confirmWithdraw = () => {
    setRefusal(null);
    withdraw.mutate(profile.version, {
      onSuccess: () => {
        notifications.show({ color: 'tahkim', message: t(asked === 'withdraw' ? 'publicProfile.done.withdrawn' : 'publicProfile.done.refused') });
        focusTitle();
      },
      onError: refused,
      onSettled: () => setConfirming(false),
    });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="public-profile-title" data-testid="public-profile">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Title order={2} size="h3" id="public-profile-title" ref={titleRef} tabIndex={-1}>
            {t('publicProfile.title')}
          </Title>
          <Badge color={CONSENT_COLORS[profile.consent]} variant="light" data-testid="public-profile-consent" data-consent={profile.consent}>
            {t(`publicProfile.badge.${profile.consent}`)}
          </Badge>
        </Group>
        <Text>{t('publicProfile.intro')}</Text>
        <ConsentState profile={profile} />
        {refusal ? (
          <Alert color={refusal.changed ? 'orange' : 'red'} variant="light" role="alert" data-testid="public-profile-refusal">
            <Stack gap={4}>
              <Text size="sm">{refusal.message}</Text>
              {refusal.changed ? <Text size="sm">{t('publicProfile.changed')}</Text> : null}
            </Stack>
          </Alert>
        ) : null}
        {editing ? (
          <PublicProfileForm
            profile={profile}
            onClose={() => {
              setEditing(false);
              focusTitle();
            }}
          />
        ) : (
          <>
            <Stack gap={6}>
              <Text fw={600}>{t('publicProfile.preview.label')}</Text>
              <PublicProfilePreview profile={profile} />
            </Stack>
            <div className="public-profile-actions">
              {!given ? (
                <Button onClick={agree} loading={consent.isPending} disabled={busy} data-testid="public-profile-agree">
                  {t('publicProfile.actions.agree')}
                </Button>
              ) : null}
              <Button
                variant={given ? 'default' : 'light'}
                onClick={() => {
                  setRefusal(null);
                  setEditing(true);
                }}
                disabled={busy}
                data-testid="public-profile-edit"
              >
                {t(given ? 'publicProfile.actions.editGiven' : 'publicProfile.actions.edit')}
              </Button>
              {profile.consent !== 'WITHDRAWN' ? (
                <Button variant="outline" color="red" onClick={() => {
                    setAsked(given ? 'withdraw' : 'refuse');
                    setConfirming(true);
                  }} disabled={busy} data-testid="public-profile-withdraw">
                  {t(given ? 'publicProfile.actions.withdraw' : 'publicProfile.actions.refuse')}
                </Button>
              ) : null}
            </div>
          </>
        )}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t(`publicProfile.confirm.${asked}Title`)} centered>
        <Stack gap="md">
          <Text>{t(`publicProfile.confirm.${asked}Body`)}</Text>
          <div className="public-profile-actions public-profile-actions-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={withdraw.isPending} data-autofocus>
              {t('publicProfile.confirm.cancel')}
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={confirmWithdraw} data-testid="public-profile-withdraw-confirm">
              {t(`publicProfile.confirm.${asked}`)}
            </Button>
          </div>
        </Stack>
      </Modal>
    </Card>
  );
}

/**
 * A winner's application page asks them about their public presentation once the decision is published
 * and staff have written one; before that (or for anyone else), nothing is shown.
 */
export function PublicProfileSection({ applicationId }: { applicationId: string }) {
  const outcome = useQuery(applicationOutcomeQuery(applicationId));
  const winner = outcome.data?.published === true && outcome.data.outcome === 'WINNER';
  const profile = useQuery({ ...publicProfileQuery(applicationId), enabled: winner });
  // None written yet (null), or a failure to load it: the section simply does not show.
  if (!winner || !profile.data) return null;
  return <PublicProfileCard profile={profile.data} />;
}
