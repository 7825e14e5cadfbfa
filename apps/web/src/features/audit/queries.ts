import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type ApiData } from '../../lib/api';
import type { AuditApiQuery } from './filters';

export type AuditPage = ApiData<'/api/audit', 'get'>;
export type AuditEvent = AuditPage['items'][number];

export const auditKeys = {
  all: ['audit'] as const,
  list: (query: AuditApiQuery) => [...auditKeys.all, 'list', query] as const,
};

/** Staff: one page of the audit trail, newest first, with every action and entity type for the filters. */
export const auditQuery = (query: AuditApiQuery) =>
  queryOptions({
    queryKey: auditKeys.list(query),
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
