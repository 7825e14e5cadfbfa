import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type ApiData, type ApiQuery } from '../../lib/api';

export type EmailListParams = ApiQuery<'/api/admin/emails', 'get'>;
export type EmailMessage = ApiData<'/api/admin/emails', 'get'>['items'][number];

export const emailKeys = {
  all: ['emails'] as const,
  list: (params: EmailListParams) => [...emailKeys.all, 'list', params] as const,
};

/** Staff: one page of the outbox (sent or captured emails), newest first. */
export const emailsQuery = (params: EmailListParams) =>
  queryOptions({
    queryKey: emailKeys.list(params),
    queryFn: () => unwrap(api.GET('/api/admin/emails', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });
