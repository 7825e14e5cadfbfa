import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../lib/use-page-title';
import { homePathFor } from '../../auth/access';
import { meQuery } from '../../auth/queries';

export function NoAccessPage() {
  const { t } = useTranslation();
  const { data: user } = useQuery(meQuery());
  usePageTitle(t('noAccess.title'));
  return (
    <div className="container container-sm page-block-xl">
      <div className="stack stack-start">
        <h1 className="heading">{t('noAccess.heading')}</h1>
        <p className="text">{t('noAccess.body')}</p>
        <Link to={user ? homePathFor(user.roles) : '/'} className="btn">
          {user ? t('actions.goToMySpace') : t('actions.backHome')}
        </Link>
      </div>
    </div>
  );
}
