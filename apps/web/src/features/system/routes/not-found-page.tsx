import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../lib/use-page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <div className="container container-sm page-block-xl">
      <div className="stack stack-start">
        <p className="text text-dimmed text-strong" style={{ fontSize: 'var(--mantine-font-size-xl)' }} aria-hidden="true">
          404
        </p>
        <h1 className="heading">{t('notFound.heading')}</h1>
        <p className="text">{t('notFound.body')}</p>
        <Link to="/" className="btn">
          {t('actions.backHome')}
        </Link>
      </div>
    </div>
  );
}
