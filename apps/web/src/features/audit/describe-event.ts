import { regionName, type TAuditReference, type TLocale } from '@tahkim/contracts';
import { formatDateTime, formatList } from '../../lib/format';
import { formatNumber } from '../../lib/number-format';
import { isolate } from './audit-labels';
import { DESCRIBED, ENTITY_OF_FIELD, INTERNAL_FIELDS, LABELLED, REASON_CODES, STATUS_TEXTS } from './audit-vocabulary';
import { summariseChange } from './summarise-change';

/** A translation function of the `audit` namespace (other namespaces through "ns:key"). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { displayName: string } | null;
  before: unknown;
  after: unknown;
}

/** One value the action changed, labelled and in words: "Statut : Brouillon → Ouvert". */
export interface AuditDetail {
  /** The recorded field's name (for keys in lists; never shown). */
  key: string;
  label: string;
  /** Undefined when the field did not exist before (or does not after). */
  before?: string;
  after?: string;
}

export interface DescribedEvent {
  /** The entry as a sentence in the reader's language. */
  sentence: string;
  /** What the entry points to, in words ("round 1 of 'Call 2026'"), when it points to something. */
  target: string | null;
  details: AuditDetail[];
}

type References = Readonly<Record<string, TAuditReference>>;
type Values = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
/** How the calls service records a long text it does not copy: its length and the start of its hash. */
const TEXT_FINGERPRINT = /^(\d+):[0-9a-f]{12}$/;
/** Lists of ids longer than this are given as a count. */
const LISTED_MAX = 5;

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocalizedText(value: unknown): value is Record<TLocale, string> {
  return isRecord(value) && ['ar', 'fr', 'en'].every((locale) => typeof value[locale] === 'string' || value[locale] === undefined) && Object.keys(value).length > 0 && Object.keys(value).every((key) => ['ar', 'fr', 'en'].includes(key));
}

/** Builds the words of one audit entry. */
export class AuditDescriber {
  constructor(
    private readonly t: Translate,
    private readonly locale: TLocale,
    private readonly references: References,
  ) {}

  describe(event: AuditEventInput): DescribedEvent {
    const before = isRecord(event.before) ? event.before : {};
    const after = isRecord(event.after) ? event.after : {};
    const target = event.entityId ? this.referenceText(event.entityId, event.entityType) : null;
    const values = { actor: event.actor ? isolate(event.actor.displayName) : this.t('sentence.platform'), target: target ?? this.t('sentence.nothing'), ...this.sentenceValues(event, before, after) };
    const key = this.sentenceKey(event, before, after);
    return { sentence: this.t(key, values), target, details: this.details(event) };
  }

  // ---- Sentences ------------------------------------------------------------------------------

  private sentenceKey(event: AuditEventInput, before: Values, after: Values): string {
    const { action } = event;
    if (!DESCRIBED.has(action)) return event.actor ? 'sentences.unknown' : 'sentences.unknownBySystem';
    const base = `sentences.${action}`;
    switch (action) {
      case 'round.updated':
        if (after.status !== before.status && after.status === 'OPEN') return `${base}_opened`;
        if (after.status !== before.status && after.status === 'CLOSED') return `${base}_closed`;
        return base;
      case 'auth.login_failed':
        return event.entityId ? base : `${base}_unknown`;
      case 'round.created':
        return after.automatic === true ? `${base}_automatic` : base;
      default:
        return !event.actor && this.hasSystemSentence(action) ? `${base}_system` : base;
    }
  }

  /** Actions the platform may do on its own (no one signed in): their sentence has no actor. */
  private hasSystemSentence(action: string): boolean {
    return ['user.admin_provisioned', 'auth.password_reset_requested', 'decision.recorded'].includes(action);
  }

  private sentenceValues(event: AuditEventInput, before: Values, after: Values): Record<string, unknown> {
    const value = (key: string, from: Values) => (from[key] === undefined ? this.t('values.none') : this.formatValue(key, from[key], event.entityType));
    switch (event.action) {
      case 'decision.recorded':
        return { outcome: value('outcome', after) };
      case 'application.screened':
        return { status: value('status', after) };
      case 'conflict.reviewed':
        return { status: this.formatValue('status', after.status, 'ConflictOfInterest') };
      case 'attachment.deleted':
      case 'attachment.uploaded': {
        const values = event.action === 'attachment.deleted' ? before : after;
        return {
          fileName: typeof values.fileName === 'string' ? isolate(values.fileName) : this.t('values.none'),
          application: typeof values.applicationId === 'string' ? this.idText(values.applicationId, 'applicationId') : this.t('values.anApplication'),
        };
      }
      case 'round.deleted':
        return {
          number: typeof before.number === 'number' ? before.number : '?',
          call: typeof before.callId === 'string' ? this.idText(before.callId, 'callId') : this.t('values.aCall'),
        };
      case 'scorecard.removed_by_conflict':
        return { round: typeof before.roundId === 'string' ? this.idText(before.roundId, 'roundId') : this.t('values.aRound') };
      case 'decision_template.updated':
        return { outcome: value('outcome', after) };
      case 'auth.login_failed':
      case 'auth.register':
      case 'invitation.created':
        return { email: typeof after.email === 'string' ? isolate(after.email) : this.t('values.none'), role: value('role', after) };
      case 'invitation.accepted':
        return { role: value('role', after) };
      case 'user.role_granted':
      case 'user.roles_changed':
      case 'user.admin_provisioned':
        return { roles: value('roles', after) };
      case 'juror.added':
      case 'juror.removed': {
        const person = (after.userId ?? before.userId) as unknown;
        const round = (after.roundId ?? before.roundId) as unknown;
        return {
          person: typeof person === 'string' ? this.idText(person, 'userId') : (event.entityType === 'Juror' && event.entityId ? this.references[event.entityId.toLowerCase()]?.person : null) ?? this.t('values.someone'),
          round: typeof round === 'string' ? this.idText(round, 'roundId') : event.entityType === 'Round' && event.entityId ? this.referenceText(event.entityId, 'Round') : this.t('values.aRound'),
        };
      }
      case 'round.advanced':
      case 'round.advance_undone': {
        const ids = (after.applicationIds ?? before.applicationIds) as unknown;
        const count = typeof after.added === 'number' ? after.added : Array.isArray(ids) ? ids.length : 0;
        const toRound = (after.toRoundId ?? before.toRoundId) as unknown;
        return { count, toRound: typeof toRound === 'string' ? this.idText(toRound, 'toRoundId') : this.t('values.aRound') };
      }
      case 'bid.updated':
        return { application: typeof after.applicationId === 'string' ? this.idText(after.applicationId, 'applicationId') : this.t('values.anApplication') };
      case 'jury.reminders_sent':
        return { count: typeof after.sent === 'number' ? after.sent : 0 };
      case 'decisions.published':
        return { count: typeof after.count === 'number' ? after.count : 0 };
      case 'conflict.declared':
      case 'conflict.recorded':
      case 'conflict.suggested':
      case 'conflict.overridden':
      case 'assignments.removed_by_conflict': {
        const person = (after.userId ?? after.jurorId) as unknown;
        const application = after.applicationId as unknown;
        return {
          person: typeof person === 'string' ? this.idText(person, after.userId ? 'userId' : 'jurorId') : this.t('values.someone'),
          application: typeof application === 'string' ? this.idText(application, 'applicationId') : this.t('values.anApplication'),
        };
      }
      default:
        return {};
    }
  }

  // ---- What an id names ------------------------------------------------------------------------

  /** The words for what an id points to, or "a … deleted since" when the API could not name it. */
  referenceText(id: string, entityType: string): string {
    const reference = this.references[id.toLowerCase()];
    if (!reference) return this.t(`targetMissing.${entityType}`, { defaultValue: this.t('targetMissing.other') });
    const call = reference.callTitle ? this.callTitle(reference.callTitle) : this.t('values.aCall');
    const application = reference.application ?? this.t('values.noReference');
    return this.t(`targets.${reference.kind}`, {
      name: isolate(reference.name ?? application),
      person: reference.person === null ? this.t('values.someone') : isolate(reference.person),
      application: isolate(application),
      number: reference.roundNumber ?? '?',
      call: isolate(call),
    });
  }

  private callTitle(title: Record<TLocale, string>): string {
    return title[this.locale] || title.fr || title.en || title.ar || this.t('values.untitled');
  }

  /** An id inside a value: the record's words, as for an entry's target. */
  private idText(id: string, field: string): string {
    return this.referenceText(id, ENTITY_OF_FIELD[field] ?? 'other');
  }

  // ---- Details ---------------------------------------------------------------------------------

  details(event: AuditEventInput): AuditDetail[] {
    return summariseChange(event.before, event.after, Number.MAX_SAFE_INTEGER)
      .filter((change) => !INTERNAL_FIELDS.has(change.key))
      .map((change) => {
        const raw = (side: unknown) => (isRecord(side) && change.key ? side[change.key] : change.key ? undefined : side);
        const hadBefore = change.before !== undefined;
        const hasAfter = change.after !== undefined;
        return {
          key: change.key,
          label: this.fieldLabel(change.key),
          ...(hadBefore ? { before: this.formatValue(change.key, raw(event.before), event.entityType) } : {}),
          ...(hasAfter ? { after: this.formatValue(change.key, raw(event.after), event.entityType) } : {}),
        };
      });
  }

  fieldLabel(key: string): string {
    if (key === '') return this.t('fields.value');
    return LABELLED.has(key) ? this.t(`fields.${key}`) : this.t('fields.other');
  }

  /** A recorded value in words: codes translated, dates in Casablanca, ids named, lists counted. */
  formatValue(key: string, value: unknown, entityType: string): string {
    if (value === null || value === undefined) return this.t('values.none');
    if (typeof value === 'boolean') return this.t(value ? 'values.yes' : 'values.no');
    if (typeof value === 'number') return key === 'size' ? this.bytes(value) : formatNumber(value, this.locale, { maxDigits: 2 });
    if (typeof value === 'string') return this.formatString(key, value, entityType);
    if (Array.isArray(value)) return this.formatList(key, value, entityType);
    if (isRecord(value)) {
      // A long text recorded as its length and hash per language: the reader's language's length.
      const fingerprint = [value[this.locale], ...Object.values(value)].find((inner): inner is string => typeof inner === 'string' && TEXT_FINGERPRINT.test(inner));
      if (fingerprint) return this.t('values.textOfLength', { count: Number(TEXT_FINGERPRINT.exec(fingerprint)![1]) });
      if (isLocalizedText(value)) return this.quote(value[this.locale] || value.fr || value.en || value.ar || '');
      return this.t('values.items', { count: Object.keys(value).length });
    }
    return this.t('values.other');
  }

  private formatString(key: string, value: string, entityType: string): string {
    if (UUID.test(value)) return this.idText(value, key);
    if (ISO_INSTANT.test(value)) return formatDateTime(value, this.locale);
    const code = this.codeText(key, value, entityType);
    if (code !== null) return code;
    // A code this version has no words for yet: the record as stored (below) still shows it.
    if (/^[A-Z][A-Z_]+$/.test(value)) return this.t('values.other');
    if (key === 'email' || key === 'mediaType' || key === 'slug' || key === 'referencePrefix' || key === 'reference' || key === 'fileName') return isolate(value);
    return this.quote(value);
  }

  /** A code of the platform (a status, an outcome, a role…) in the words the rest of the app uses. */
  private codeText(key: string, value: string, entityType: string): string | null {
    const known = (path: string) => {
      const text = this.t(path, { defaultValue: '' });
      return text === '' ? null : text;
    };
    switch (key) {
      case 'status':
      case 'restoredStatus':
        return known(`${STATUS_TEXTS[entityType] ?? 'applications:status'}.${value}`) ?? known(`values.codes.${value}`) ?? known(`applications:status.${value}`);
      case 'outcome':
      case 'decision':
        return known(`decisions:outcome.${value}`) ?? known(`applications:status.${value}`);
      case 'method':
        return known(`results:method.${value === 'MEAN' ? 'mean' : value === 'NORMALISED' ? 'normalised' : value}`);
      case 'source':
        return known(`rounds:conflicts.sources.${value}`);
      case 'role':
      case 'roles':
        return known(`common:roles.${value}`);
      case 'eligibilitySuggestion':
        return known(`screening:suggestion.${value}`);
      case 'consent':
        return known(`decisions:announcement.state.${value}`);
      case 'region':
        return regionName(value, this.locale);
      case 'type':
      case 'kind':
        return known(`values.roundType.${value}`);
      case 'reason':
        return value in REASON_CODES ? this.t(`values.reasons.${REASON_CODES[value]}`) : null;
      default:
        return /^[A-Z][A-Z_]+$/.test(value) ? (known(`values.codes.${value}`) ?? known(`applications:status.${value}`)) : null;
    }
  }

  private formatList(key: string, list: unknown[], entityType: string): string {
    if (list.length === 0) return this.t('values.emptyList');
    if (key === 'criteria') {
      const weights = list.map((criterion) => (isRecord(criterion) && typeof criterion.weight === 'number' ? formatNumber(criterion.weight, this.locale, { maxDigits: 2 }) : '?'));
      return this.t('values.criteria', { count: list.length, weights: formatList(weights, this.locale) });
    }
    // A support programme: its milestones with their due dates, its indicators counted.
    if (key === 'milestones') {
      const dates = list.map((milestone) => (isRecord(milestone) && typeof milestone.dueAt === 'string' ? formatDateTime(milestone.dueAt, this.locale) : '?'));
      return this.t('values.milestones', { count: list.length, dates: formatList(dates, this.locale) });
    }
    if (key === 'indicators') return this.t('values.indicators', { count: list.length });
    if (list.every((item) => typeof item === 'string' && UUID.test(item))) {
      if (list.length > LISTED_MAX) return this.t(`values.countOf.${ENTITY_OF_FIELD[key] ?? 'other'}`, { count: list.length, defaultValue: this.t('values.items', { count: list.length }) });
      const names = list.map((id) => this.idText(id as string, key));
      return key === 'order' ? names.map((name, index) => `${index + 1}. ${name}`).join(' ; ') : formatList(names, this.locale);
    }
    if (list.every((item) => typeof item === 'string' && /^[A-Z][A-Z_]+$/.test(item))) {
      return formatList(
        list.map((item) => this.formatString(key, item as string, entityType)),
        this.locale,
      );
    }
    if (list.every((item) => typeof item === 'number')) return formatList(list.map((item) => formatNumber(item as number, this.locale)), this.locale);
    return this.t('values.items', { count: list.length });
  }

  private bytes(size: number): string {
    if (size < 1024) return this.t('values.bytes', { size: formatNumber(size, this.locale) });
    if (size < 1024 * 1024) return this.t('values.kilobytes', { size: formatNumber(size / 1024, this.locale, { maxDigits: 0 }) });
    return this.t('values.megabytes', { size: formatNumber(size / (1024 * 1024), this.locale, { maxDigits: 1 }) });
  }

  private quote(text: string): string {
    return this.t('values.quoted', { text: isolate(text) });
  }
}
