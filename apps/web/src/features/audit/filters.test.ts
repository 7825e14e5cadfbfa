import { describe, expect, it } from 'vitest';
import { actionFamilies, entityPath, shortId } from './audit-labels';
import {
  auditFiltersToApiQuery,
  auditFiltersToSearchParams,
  endOfCasablancaDay,
  hasActiveAuditFilters,
  parseAuditFilters,
  startOfCasablancaDay,
  withAuditFilter,
} from './filters';

const ID = '3f1c2a7b-5d4e-4c3b-9a8f-1e2d3c4b5a69';

describe('audit filters in the URL', () => {
  it('reads every filter from the query and writes it back the same', () => {
    const query = `action=scorecard.&entityType=Application&entityId=${ID}&actor=karim&from=2026-05-01&to=2026-05-31&page=3`;
    const filters = parseAuditFilters(new URLSearchParams(query));
    expect(filters).toEqual({ page: 3, action: 'scorecard.', entityType: 'Application', entityId: ID, actor: 'karim', from: '2026-05-01', to: '2026-05-31' });
    expect(auditFiltersToSearchParams(filters).toString()).toBe(query);
  });

  it('ignores what is malformed instead of sending it', () => {
    const filters = parseAuditFilters(new URLSearchParams('action=DROP TABLE&entityType=a b&from=2026-02-30&to=yesterday&page=-2&actor=%20%20'));
    expect(filters).toEqual({ page: 1, action: undefined, entityType: undefined, entityId: undefined, actor: undefined, from: undefined, to: undefined });
    expect(hasActiveAuditFilters(filters)).toBe(false);
  });

  it('leaves the defaults out of the URL and goes back to page 1 when a filter changes', () => {
    expect(auditFiltersToSearchParams({ page: 1 }).toString()).toBe('');
    const next = withAuditFilter({ page: 4, actor: 'amina' }, { action: 'auth.login' });
    expect(next).toEqual({ page: 1, actor: 'amina', action: 'auth.login' });
    expect(hasActiveAuditFilters(next)).toBe(true);
  });
});

describe('audit filters sent to the API', () => {
  it('turns Casablanca days into an inclusive range of instants (UTC+1 most of the year)', () => {
    expect(startOfCasablancaDay('2026-05-01')).toBe('2026-04-30T23:00:00.000Z');
    expect(endOfCasablancaDay('2026-05-31')).toBe('2026-05-31T22:59:59.999Z');
  });

  it('follows Morocco back to UTC+0 during Ramadan', () => {
    // Ramadan 2026 runs from about 18 February to 19 March: Morocco is on UTC+0.
    expect(startOfCasablancaDay('2026-03-01')).toBe('2026-03-01T00:00:00.000Z');
    expect(endOfCasablancaDay('2026-03-01')).toBe('2026-03-01T23:59:59.999Z');
  });

  it('pages only the list; the export takes the same filters without paging', () => {
    const filters = { page: 2, action: 'round.', actor: 'karim', from: '2026-05-01' };
    expect(auditFiltersToApiQuery(filters, 50)).toEqual({
      page: 2,
      pageSize: 50,
      action: 'round.',
      entityType: undefined,
      entityId: undefined,
      actor: 'karim',
      from: '2026-04-30T23:00:00.000Z',
      to: undefined,
    });
    expect(auditFiltersToApiQuery(filters)).not.toHaveProperty('page');
    expect(auditFiltersToApiQuery(filters)).not.toHaveProperty('pageSize');
  });
});

describe('audit labels', () => {
  it('offers each family of actions once, in order', () => {
    expect(actionFamilies(['scorecard.submitted', 'auth.login', 'scorecard.reopened', 'odd'])).toEqual(['auth', 'scorecard']);
  });

  it('links applications, calls and rounds to their pages, and shortens long ids', () => {
    expect(entityPath('Application', ID)).toBe(`/admin/applications/${ID}`);
    expect(entityPath('Call', 'c1')).toBe('/admin/calls/c1');
    expect(entityPath('Round', 'r1')).toBe('/admin/rounds/r1');
    expect(entityPath('User', 'u1')).toBeNull();
    expect(entityPath('Round', null)).toBeNull();
    expect(shortId(ID)).toBe('…3c4b5a69');
    expect(shortId('42')).toBe('42');
  });
});
