import { useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/**
 * A new page starts at its top, as after following a link on any website; an address with a #fragment
 * keeps the browser's jump to it. Back and forward (POP) are left to the browser, which brings the
 * reader back to where they were.
 */
export function useScrollToTop(): void {
  const { pathname, hash } = useLocation();
  const type = useNavigationType();
  useLayoutEffect(() => {
    if (type !== 'POP' && !hash) window.scrollTo(0, 0);
    // Only a change of page counts: a filter written into the query string keeps the reader's place.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pathname]);
}
