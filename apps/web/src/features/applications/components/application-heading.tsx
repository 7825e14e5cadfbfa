import type { TApplication } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { CallDeadline } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';

/** The draft's call and deadline, above the form: shown as soon as the application is in, before its form. */
export function ApplicationHeading({ application }: { application: Pick<TApplication, 'call'> }) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  return (
    <div className="stack gap-2xs">
      <p className="text text-sm text-dimmed">{t('form.eyebrow')}</p>
      <h1 className="heading application-title" dir="auto">
        {localized(application.call.title, locale)}
      </h1>
      <CallDeadline iso={application.call.closesAt} closed={false} />
    </div>
  );
}
