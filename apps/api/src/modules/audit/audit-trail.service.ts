import { Inject, Injectable } from '@nestjs/common';
import type { TAuditEvent, TAuditPage, TAuditQuery, TLocale, TLocalizedText } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { tableToCsv, type ExportFile } from '../../common/export/table-export';
import { casablancaTime } from '../../common/time/casablanca-time';
import { PRISMA } from '../../config/config.module';
import { referencedIds, resolveReferences } from './audit-references';

/** A CSV export holds at most this many rows (the newest matching ones). */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

const COLUMNS: TLocalizedText[] = [
  { ar: 'التاريخ (UTC)', fr: 'Date (UTC)', en: 'Date (UTC)' },
  { ar: 'التاريخ (بتوقيت الدار البيضاء)', fr: 'Date (heure de Casablanca)', en: 'Date (Casablanca time)' },
  { ar: 'المنفّذ', fr: 'Auteur', en: 'Actor' },
  { ar: 'البريد الإلكتروني للمنفّذ', fr: "E-mail de l'auteur", en: 'Actor email' },
  { ar: 'الإجراء', fr: 'Action', en: 'Action' },
  { ar: 'نوع العنصر', fr: "Type d'objet", en: 'Entity type' },
  { ar: 'معرّف العنصر', fr: "Identifiant de l'objet", en: 'Entity id' },
  { ar: 'قبل', fr: 'Avant', en: 'Before' },
  { ar: 'بعد', fr: 'Après', en: 'After' },
  { ar: 'معرّف الطلب', fr: 'Identifiant de requête', en: 'Request id' },
  { ar: 'عنوان IP', fr: 'Adresse IP', en: 'IP address' },
];

const ACTOR = { select: { id: true, displayName: true, email: true } } as const;
type Row = Prisma.AuditEventGetPayload<{ include: { actor: typeof ACTOR } }>;

/** Reads the append-only audit trail for staff. Nothing here (or anywhere) updates or deletes a row. */
@Injectable()
export class AuditTrailService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async page(query: TAuditQuery): Promise<TAuditPage> {
    const where = this.where(query);
    const [rows, total, actions, entityTypes] = await this.prisma.$transaction([
      this.prisma.auditEvent.findMany({
        where,
        include: { actor: ACTOR },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.prisma.auditEvent.count({ where }),
      this.prisma.$queryRaw<Array<{ action: string }>>`SELECT DISTINCT "action" FROM "AuditEvent" ORDER BY "action"`,
      this.prisma.$queryRaw<Array<{ entityType: string }>>`SELECT DISTINCT "entityType" FROM "AuditEvent" ORDER BY "entityType"`,
    ]);
    return {
      items: rows.map(toEvent),
      references: await resolveReferences(this.prisma, referencedIds(rows)),
      total,
      page: query.page,
      pageSize: query.pageSize,
      actions: actions.map((row) => row.action),
      entityTypes: entityTypes.map((row) => row.entityType),
    };
  }

  async csv(query: Omit<TAuditQuery, 'page' | 'pageSize'>, locale: TLocale): Promise<ExportFile> {
    const rows = await this.prisma.auditEvent.findMany({
      where: this.where(query),
      include: { actor: ACTOR },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: AUDIT_EXPORT_MAX_ROWS,
    });
    return tableToCsv({
      headers: COLUMNS.map((column) => column[locale]),
      rows: rows.map((row) => [
        row.createdAt.toISOString(),
        casablancaDateTime(row.createdAt),
        row.actor?.displayName ?? null,
        row.actor?.email ?? null,
        row.action,
        row.entityType,
        row.entityId,
        row.before === null ? null : JSON.stringify(row.before),
        row.after === null ? null : JSON.stringify(row.after),
        row.requestId,
        row.ip,
      ]),
      fileBase: 'audit-trail',
      sheetName: 'Audit',
      rightToLeft: locale === 'ar',
    });
  }

  private where(query: Omit<TAuditQuery, 'page' | 'pageSize'>): Prisma.AuditEventWhereInput {
    const conditions: Prisma.AuditEventWhereInput[] = [];
    if (query.action) conditions.push(query.action.endsWith('.') ? { action: { startsWith: query.action } } : { action: query.action });
    if (query.entityType) conditions.push({ entityType: query.entityType });
    if (query.entityId) conditions.push({ entityId: query.entityId });
    if (query.actorId) conditions.push({ actorId: query.actorId });
    if (query.actor) {
      conditions.push({ actor: { OR: [{ email: { contains: query.actor, mode: 'insensitive' } }, { displayName: { contains: query.actor, mode: 'insensitive' } }] } });
    }
    if (query.from) conditions.push({ createdAt: { gte: new Date(query.from) } });
    if (query.to) conditions.push({ createdAt: { lte: new Date(query.to) } });
    return { AND: conditions };
  }
}

/** "2026-12-05 18:00 (UTC+00:00)", with the server's time-zone data. */
function casablancaDateTime(at: Date): string {
  const clock = casablancaTime.toWallClock(at);
  return `${clock.dateTime.replace('T', ' ')} (UTC${clock.offset})`;
}

function toEvent(row: Row): TAuditEvent {
  return {
    id: row.id.toString(),
    at: row.createdAt.toISOString(),
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    ip: row.ip,
  };
}
