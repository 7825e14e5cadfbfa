import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { FormBuilderScreen } from '../../call-admin/form-builder/form-builder-screen';
import { callQuery } from '../../call-admin/queries';
import { useLocale } from '../../locale/use-locale';
import { useSaveReportFormMutation } from '../mutations';
import { reportFormQuery } from '../queries';

/**
 * Staff: the form a programme's supported projects fill at each report milestone, built like the call's
 * application form (the indicators' figures are asked for by the report itself, from the programme).
 */
export function ReportFormPage() {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const call = useQuery(callQuery(id));
  const form = useQuery({ ...reportFormQuery(id), staleTime: Infinity, refetchOnWindowFocus: false });
  const save = useSaveReportFormMutation(id);
  const queryClient = useQueryClient();
  const title = call.data ? localized(call.data.title, locale) || call.data.slug : '';
  usePageTitle(title ? t('reportForm.title', { call: title }) : t('reportForm.heading'));

  if (form.isPending || call.isPending) return <PageLoader />;
  if (form.isError) return <LoadError error={form.error} onRetry={() => void form.refetch()} />;
  if (call.isError) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;
  return (
    <FormBuilderScreen
      saved={form.data}
      save={save}
      reload={() => queryClient.fetchQuery({ ...reportFormQuery(id), staleTime: 0 })}
      texts={{
        heading: t('reportForm.heading'),
        intro: form.data.version === 0 ? t('reportForm.defaultIntro') : t('reportForm.intro'),
        back: { to: `/admin/calls/${id}/programme`, label: t('reportForm.back', { call: title }) },
        saved: (version) => t('reportForm.saved', { version }),
        lockedTitle: t('reportForm.lockedTitle'),
        lockedBody: t('reportForm.lockedBody'),
        conflictTitle: t('reportForm.conflictTitle'),
        conflictBody: t('reportForm.conflictBody'),
      }}
    />
  );
}
