import type { core } from 'zod';
import { ZodError } from 'zod';

/**
 * A ballot orders exactly the applications its juror may order (the round's, less their conflicts),
 * each once: anything else is a 400 pointing at the offending position, or at `order` for what is missing.
 */
export function assertPermutation(order: readonly string[], allowed: readonly string[]): void {
  const allowedSet = new Set(allowed);
  const seen = new Set<string>();
  const issues: core.$ZodIssue[] = [];
  order.forEach((id, index) => {
    if (!allowedSet.has(id)) issues.push({ code: 'custom', path: ['order', index], message: 'Not an application of this ballot', input: undefined } as core.$ZodIssue);
    else if (seen.has(id)) issues.push({ code: 'custom', path: ['order', index], message: 'Listed twice', input: undefined } as core.$ZodIssue);
    seen.add(id);
  });
  const missing = allowed.filter((id) => !seen.has(id));
  if (missing.length > 0) {
    issues.push({ code: 'too_small', origin: 'array', minimum: allowed.length, inclusive: true, path: ['order'], message: 'Missing applications', input: undefined } as core.$ZodIssue);
  }
  if (issues.length > 0) throw new ZodError(issues);
}

/**
 * The order to show: the saved one, less what the juror may no longer order, then anything new (taken
 * into the round, or a conflict withdrawn since) in the default order.
 */
export function currentOrder(saved: readonly string[], allowed: readonly string[]): string[] {
  const allowedSet = new Set(allowed);
  const kept = saved.filter((id) => allowedSet.has(id));
  const keptSet = new Set(kept);
  return [...kept, ...allowed.filter((id) => !keptSet.has(id))];
}

export function isPermutation(order: readonly string[], allowed: readonly string[]): boolean {
  if (order.length !== allowed.length) return false;
  const allowedSet = new Set(allowed);
  return new Set(order).size === order.length && order.every((id) => allowedSet.has(id));
}
