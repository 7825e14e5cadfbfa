import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export const systemKeys = {
  all: ['system'] as const,
  health: () => [...systemKeys.all, 'health'] as const,
};

export const healthQuery = () =>
  queryOptions({
    queryKey: systemKeys.health(),
    queryFn: () => unwrap(api.GET('/api/health')),
    refetchInterval: 60_000,
    retry: false,
  });
