import { describe, expect, it } from 'vitest';
import { toSearchParams } from '../call-admin/staff-api';
import { choiceValue, DEFAULT_FILTERS, filtersToApiQuery, filtersToSearchParams, parseFilters, withChoice, withFilter } from './filters';

describe('applications filters in the URL', () => {
  it('reads an empty query as the defaults', () => {
    expect(parseFilters(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
    expect(filtersToSearchParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('round-trips every filter, Arabic search included', () => {
    const filters = {
      page: 3,
      sort: 'reference' as const,
      order: 'asc' as const,
      status: 'SUBMITTED' as const,
      region: 'MA-07',
      eligibility: 'UNSURE' as const,
      choice: ['legal_form:cooperative', 'sector:agri-food'],
      q: 'تعاونية نسائية',
    };
    const query = filtersToSearchParams(filters);
    expect(query.getAll('choice')).toEqual(['legal_form:cooperative', 'sector:agri-food']);
    expect(parseFilters(new URLSearchParams(query.toString()))).toEqual(filters);
  });

  it('ignores unknown or malformed values', () => {
    const filters = parseFilters(
      new URLSearchParams('status=LOST&region=MA-99&eligibility=maybe&sort=password&order=up&page=-2&choice=nope&choice=Bad:x&q=%20%20'),
    );
    expect(filters).toEqual(DEFAULT_FILTERS);
  });

  it('keeps one choice per field', () => {
    const filters = parseFilters(new URLSearchParams('choice=legal_form:coop&choice=legal_form:sarl'));
    expect(filters.choice).toEqual(['legal_form:coop']);
  });

  it('goes back to the first page when a filter changes', () => {
    const onPage4 = { ...DEFAULT_FILTERS, page: 4 };
    expect(withFilter(onPage4, { status: 'ELIGIBLE' })).toMatchObject({ page: 1, status: 'ELIGIBLE' });
    const chosen = withChoice(onPage4, 'legal_form', 'association');
    expect(chosen.page).toBe(1);
    expect(choiceValue(chosen, 'legal_form')).toBe('association');
    expect(withChoice(chosen, 'legal_form', 'cooperative').choice).toEqual(['legal_form:cooperative']);
    expect(withChoice(chosen, 'legal_form', undefined).choice).toEqual([]);
  });

  it('sends the API the same filters, with paging only for the table', () => {
    const filters = { ...DEFAULT_FILTERS, page: 2, region: 'MA-06', choice: ['a:b', 'c:d'], q: 'radio' };
    expect(toSearchParams(filtersToApiQuery(filters, 25)).toString()).toBe(
      'page=2&pageSize=25&sort=submittedAt&order=desc&region=MA-06&choice=a%3Ab&choice=c%3Ad&q=radio',
    );
    expect(toSearchParams(filtersToApiQuery(filters)).toString()).toBe('sort=submittedAt&order=desc&region=MA-06&choice=a%3Ab&choice=c%3Ad&q=radio');
  });
});
