import { describe, expect, it } from 'vitest';
import { AREA_ACCESS, homePathFor, loginPathFor, safeNextPath } from './access';

describe('areas and homes', () => {
  it('sends each person to the home of their most powerful role', () => {
    expect(homePathFor(['APPLICANT'])).toBe('/portal');
    expect(homePathFor(['APPLICANT', 'JUROR'])).toBe('/jury');
    expect(homePathFor(['JUROR', 'STAFF'])).toBe('/admin');
    expect(homePathFor(['ADMIN'])).toBe('/admin');
  });

  it('lets staff into every area, others only into their own', () => {
    expect(AREA_ACCESS.admin(['APPLICANT', 'JUROR'])).toBe(false);
    expect(AREA_ACCESS.jury(['APPLICANT'])).toBe(false);
    expect(AREA_ACCESS.portal(['JUROR'])).toBe(false);
    for (const area of ['portal', 'jury', 'admin'] as const) {
      expect(AREA_ACCESS[area](['STAFF'])).toBe(true);
      expect(AREA_ACCESS[area](['ADMIN'])).toBe(true);
    }
  });

  it('only follows `next` within this site', () => {
    expect(safeNextPath('/admin/emails?status=FAILED')).toBe('/admin/emails?status=FAILED');
    expect(safeNextPath('//evil.example/x')).toBeUndefined();
    expect(safeNextPath('/\\evil.example')).toBeUndefined();
    expect(safeNextPath('https://evil.example')).toBeUndefined();
    expect(safeNextPath(null)).toBeUndefined();
  });

  it('builds the sign-in link that comes back to the page', () => {
    expect(loginPathFor({ pathname: '/admin/emails', search: '?status=FAILED' })).toBe(
      '/login?next=%2Fadmin%2Femails%3Fstatus%3DFAILED',
    );
  });
});
