import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLocale } from '../../locale/use-locale';
import { localized } from '../call-display';
import { FormBuilderScreen } from '../form-builder/form-builder-screen';
import { useSaveFormMutation } from '../mutations';
import { callFormQuery, callQuery } from '../queries';

/** Staff: the call's application form, built step by step (the builder itself is shared with the report form). */
export function FormBuilderPage() {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const call = useQuery(callQuery(id));
  const form = useQuery({ ...callFormQuery(id), staleTime: Infinity, refetchOnWindowFocus: false });
  const save = useSaveFormMutation(id);
  const queryClient = useQueryClient();
  usePageTitle(t('builder.title'));

  if (form.isPending || call.isPending) return <PageLoader />;
  if (form.isError) return <LoadError error={form.error} onRetry={() => void form.refetch()} />;
  if (call.isError) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;
  const title = localized(call.data.title, locale) || call.data.slug;
  return (
    <FormBuilderScreen
      saved={form.data}
      save={save}
      reload={() => queryClient.fetchQuery({ ...callFormQuery(id), staleTime: 0 })}
      texts={{
        heading: t('builder.heading'),
        back: { to: `/admin/calls/${id}`, label: t('builder.backToCall', { title }) },
        saved: (version) => t('builder.saved', { version }),
        lockedTitle: t('builder.lockedTitle'),
        lockedBody: t('builder.lockedBody'),
        conflictTitle: t('builder.conflictTitle'),
        conflictBody: t('builder.conflictBody'),
      }}
    />
  );
}
