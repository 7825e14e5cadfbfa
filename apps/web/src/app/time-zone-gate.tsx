import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { PageLoader } from '../components/page-state';
import { cachedTimeZoneData, setTimeZoneData, timeZoneQuery } from '../lib/time-zone';

/**
 * Dates are shown with the server's time-zone data: the app renders once that table is known (from the
 * last visit at once, else after one small request). If the API cannot be reached, the app still
 * renders, with Morocco's current UTC+0 (see lib/time-zone.ts).
 */
export function TimeZoneGate({ children }: { children: ReactNode }) {
  const query = useQuery({ ...timeZoneQuery(), initialData: cachedTimeZoneData, initialDataUpdatedAt: 0 });
  if (query.data) setTimeZoneData(query.data);
  if (!query.data && query.isPending) {
    return <PageLoader />;
  }
  return children;
}
