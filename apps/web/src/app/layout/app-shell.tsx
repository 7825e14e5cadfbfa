import { useQuery } from '@tanstack/react-query';
import { PageLoader } from '../../components/page-state';
import { meQuery } from '../../features/auth/queries';
import { AppHeader } from './app-header';

/**
 * What the server sends for a page rendered in the browser (sign-in, the portal and the application
 * form, the jury, the back office) while its code is on its way: the site's header in the visitor's
 * language, with the links their roles give, above the loading indicator. On a slow link the screen
 * is not blank for seconds; the app then renders the whole page in its place, the header where it was.
 * Nothing below the header, so nothing moves when the page arrives.
 */
export function AppShell() {
  const me = useQuery(meQuery());
  return (
    <div className="site-body">
      <AppHeader user={me.isError ? null : me.data} shell />
      <main id="main-content" className="main-content">
        <PageLoader />
      </main>
    </div>
  );
}
