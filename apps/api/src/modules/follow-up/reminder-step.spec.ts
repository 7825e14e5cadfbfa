import { reminderDedupeKey, reminderStep } from './reminder-step';

/** Casablanca is UTC+0 in these months (since Morocco's change of 20 September 2026), UTC+1 in 2026's spring. */
describe('the reminder step of a report, by the Casablanca calendar', () => {
  const dueAt = new Date('2027-03-31T23:59:00Z');

  it('is nothing until seven days before the due time, then due in seven days until the due day starts', () => {
    expect(reminderStep(dueAt, new Date('2027-03-24T23:58:00Z'))).toBeNull();
    expect(reminderStep(dueAt, new Date('2027-03-24T23:59:00Z'))).toBe('DUE_IN_7_DAYS');
    expect(reminderStep(dueAt, new Date('2027-03-30T23:59:59Z'))).toBe('DUE_IN_7_DAYS');
  });

  it('is due today on the due day up to the due time, late after it', () => {
    expect(reminderStep(dueAt, new Date('2027-03-31T00:00:00Z'))).toBe('DUE_TODAY');
    expect(reminderStep(dueAt, dueAt)).toBe('DUE_TODAY');
    expect(reminderStep(dueAt, new Date('2027-03-31T23:59:01Z'))).toBe('LATE');
    expect(reminderStep(dueAt, new Date('2027-09-01T00:00:00Z'))).toBe('LATE');
  });

  it('counts the due day in Casablanca, not in UTC (UTC+1 in spring 2026)', () => {
    // 00:30 on 15 April 2026 in Casablanca is 23:30 UTC the day before.
    const due = new Date('2026-04-15T16:00:00Z');
    expect(reminderStep(due, new Date('2026-04-14T23:30:00Z'))).toBe('DUE_TODAY');
    expect(reminderStep(due, new Date('2026-04-14T22:30:00Z'))).toBe('DUE_IN_7_DAYS');
  });

  it('keys each step apart', () => {
    expect(reminderDedupeKey('m', 'a', 'LATE')).toBe('report-reminder:m:a:LATE');
  });
});
