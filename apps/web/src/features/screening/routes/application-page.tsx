import '../screening.css';
import { Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { allFields, isEmptyAnswer, type TFormDefinition, type TStaffApplication } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { isolate } from '../../../components/user-text';
import { usePageTitle } from '../../../lib/use-page-title';
import { AnswerValue } from '../../applications/components/answer-value';
import { localized } from '../../call-admin/call-display';
import { CallDate } from '../../call-admin/components/call-date';
import { callFormQuery, callQuery } from '../../call-admin/queries';
import { useLocale } from '../../locale/use-locale';
import { DossierNavigation } from '../components/dossier-navigation';
import { FileIdentityPanel } from '../components/file-identity-panel';
import { ScreeningPanel } from '../components/screening-panel';
import { TopicsPanel } from '../components/topics-panel';
import { dossierLink, filtersToSearchParams, parseFilters } from '../filters';
import { applicationNeighboursQuery, attachmentDownloadPath, staffApplicationQuery } from '../queries';

/** Every answer in the form's order, step by step; questions hidden since are shown when answered. */
function Answers({ application, form }: { application: TStaffApplication; form: TFormDefinition }) {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  const known = new Set(allFields(form).map((field) => field.key));
  const orphans = Object.keys(application.answers).filter((key) => !known.has(key) && !isEmptyAnswer(application.answers[key]));
  return (
    <Stack gap="lg">
      {form.sections.map((section) => {
        const fields = section.fields.filter(
          (field) => !(field.hidden || section.hidden) || !isEmptyAnswer(application.answers[field.key]) || application.attachments.some((file) => file.fieldKey === field.key),
        );
        if (fields.length === 0) return null;
        return (
          <Card key={section.key} withBorder radius="md" padding="lg" component="section" aria-labelledby={`answers-${section.key}`}>
            <Stack gap="sm">
              <Title order={2} fz="lg" id={`answers-${section.key}`}>
                {localized(section.title, locale) || section.key}
              </Title>
              <dl className="staff-answers">
                {fields.map((field) => (
                  <div key={field.key} className="staff-answer">
                    <dt>
                      <Text fw={600} size="sm">
                        {localized(field.label, locale) || field.key}{' '}
                        {field.hidden || section.hidden ? (
                          <Badge size="xs" variant="outline" color="gray">
                            {t('application.hiddenQuestion')}
                          </Badge>
                        ) : null}
                        {field.identifying ? (
                          <Badge size="xs" variant="light" color="grape">
                            {t('application.identifying')}
                          </Badge>
                        ) : null}
                      </Text>
                    </dt>
                    <dd>
                      <AnswerValue
                        field={field}
                        value={application.answers[field.key]}
                        attachments={application.attachments}
                        downloadPath={(file) => attachmentDownloadPath(application.id, file.id)}
                      />
                    </dd>
                  </div>
                ))}
              </dl>
            </Stack>
          </Card>
        );
      })}
      {orphans.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('application.orphans', { keys: orphans.join(', ') })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function StaffApplicationPage() {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  // The list this dossier was opened from: "previous", "next" and "next to screen" follow it.
  const filters = parseFilters(params);
  const listQuery = filtersToSearchParams({ ...filters, page: 1 }).toString();
  const application = useQuery(staffApplicationQuery(id));
  const neighbours = useQuery(applicationNeighboursQuery(id, { ...filters, page: 1 }));
  const callId = application.data?.callId ?? '';
  const call = useQuery({ ...callQuery(callId), enabled: Boolean(callId) });
  const form = useQuery({ ...callFormQuery(callId), enabled: Boolean(callId) });
  usePageTitle(application.data?.reference ?? t('application.title'));

  if (application.isPending) return <PageLoader />;
  if (application.isError) return <LoadError error={application.error} onRetry={() => void application.refetch()} />;
  const data = application.data;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/calls/${data.callId}/applications${listQuery ? `?${listQuery}` : ''}`} size="sm" c="tahkim.8">
          {t('application.backToList', { call: isolate(localized(data.call.title, locale)) })}
        </Text>
        <Title order={1}>
          <span dir="ltr">{data.reference ?? t('table.noReference')}</span>
        </Title>
        <Group gap="md" wrap="wrap">
          <Text size="sm">
            <bdi>{data.applicant.displayName}</bdi> · <span dir="ltr">{data.applicant.email}</span>
          </Text>
          {data.submittedAt ? (
            <Text size="sm" c="dimmed">
              {t('application.submittedAt')} <CallDate iso={data.submittedAt} style="short" />
            </Text>
          ) : null}
          {data.formVersion ? (
            <Text size="sm" c="dimmed">
              {t('application.formVersion', { version: data.formVersion })}
            </Text>
          ) : null}
        </Group>
        <DossierNavigation neighbours={neighbours.data} filters={filters} />
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          {form.isPending ? <PageLoader /> : form.isError ? <LoadError error={form.error} onRetry={() => void form.refetch()} /> : <Answers application={data} form={form.data.definition} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            <ScreeningPanel
              application={data}
              call={call.data}
              form={form.data?.definition}
              nextPending={neighbours.data ? { to: neighbours.data.nextPendingId ? dossierLink(neighbours.data.nextPendingId, filters) : null, pending: neighbours.data.pending } : undefined}
            />
            <TopicsPanel key={data.id} application={data} />
            <FileIdentityPanel application={data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
