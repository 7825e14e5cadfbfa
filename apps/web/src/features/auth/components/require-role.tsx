import { useQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { NoAccessPage } from '../../system/routes/no-access-page';
import { AREA_ACCESS, loginPathFor, type Area } from '../access';
import { meQuery } from '../queries';

/**
 * Layout route guarding an area: anonymous visitors go to the sign-in page (and come back after),
 * signed-in people without the area's role see a "no access" page. The API enforces the same rules.
 */
export function RequireRole({ area }: { area: Area }) {
  const location = useLocation();
  const me = useQuery(meQuery());

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <div className="container container-sm page-block-xl">
        <LoadError error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (!me.data) return <Navigate to={loginPathFor(location)} replace />;
  if (!AREA_ACCESS[area](me.data.roles)) return <NoAccessPage />;
  return <Outlet />;
}
