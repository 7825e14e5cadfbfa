/** One top-level field of an audited record that an action changed. */
export interface ChangedField {
  /** The field's name; empty when the record is a single value rather than an object. */
  key: string;
  /** The value before, as short JSON; undefined when the field did not exist. */
  before: string | undefined;
  /** The value after, as short JSON; undefined when the field no longer exists. */
  after: string | undefined;
}

export const SUMMARY_VALUE_LENGTH = 80;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with object keys sorted, so two equal values always compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isRecord(inner) ? Object.fromEntries(Object.keys(inner).sort().map((key) => [key, inner[key]])) : inner,
  );
}

/** A value as JSON, cut at `max` characters with an ellipsis. */
export function shortJson(value: unknown, max = SUMMARY_VALUE_LENGTH): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * What an audited action changed: the top-level keys whose value differs between `before` and `after`
 * (a missing record counts as no fields), in the order they first appear. When either side is a
 * single value or a list rather than an object, the whole value is one change with an empty key.
 */
export function summariseChange(before: unknown, after: unknown, max = SUMMARY_VALUE_LENGTH): ChangedField[] {
  const beforeIsRecord = before === null || before === undefined || isRecord(before);
  const afterIsRecord = after === null || after === undefined || isRecord(after);
  if (!beforeIsRecord || !afterIsRecord) {
    if (canonical(before) === canonical(after)) return [];
    return [{ key: '', before: before == null ? undefined : shortJson(before, max), after: after == null ? undefined : shortJson(after, max) }];
  }
  const from = (before ?? {}) as Record<string, unknown>;
  const to = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
  return keys.flatMap((key) => {
    const hadKey = Object.hasOwn(from, key);
    const hasKey = Object.hasOwn(to, key);
    if (hadKey && hasKey && canonical(from[key]) === canonical(to[key])) return [];
    return [{ key, before: hadKey ? shortJson(from[key], max) : undefined, after: hasKey ? shortJson(to[key], max) : undefined }];
  });
}
