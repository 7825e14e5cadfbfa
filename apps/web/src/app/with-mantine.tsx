import { lazy, Suspense, type ComponentType } from 'react';
import { PageLoader } from '../components/page-state';

/**
 * A part of a plain page that is built with Mantine (a rarer screen of the applicant's form: the
 * submitted application, a conflict between two saves): its code and Mantine's come when it is first
 * shown, with a loader meanwhile, so the page's first download carries neither.
 */
export function withMantine<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => {
    const [{ MantineArea }, Component] = await Promise.all([import('./mantine-area'), load()]);
    function InMantine(props: P) {
      return (
        <MantineArea>
          <Component {...props} />
        </MantineArea>
      );
    }
    return { default: InMantine };
  });
  function WithMantine(props: P) {
    return (
      <Suspense fallback={<PageLoader />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return WithMantine;
}
