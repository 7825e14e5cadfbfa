import { Inject, Injectable } from '@nestjs/common';
import type { TEmailList, TEmailListQuery } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';

@Injectable()
export class EmailsService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async list(query: TEmailListQuery): Promise<TEmailList> {
    const page = query.page;
    const pageSize = query.pageSize;
    const where = {
      ...(query.to ? { toAddress: { contains: query.to.toLowerCase() } } : {}),
      ...(query.status ? { status: query.status } : {}),
    };
    const [rows, total] = await this.prisma.$transaction([
      this.prisma.emailMessage.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        skip: (page - 1) * pageSize,
        take: pageSize,
      }),
      this.prisma.emailMessage.count({ where }),
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        to: row.toAddress,
        locale: row.locale,
        template: row.template,
        subject: row.subject,
        text: row.text,
        status: row.status,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt.toISOString(),
        sentAt: row.sentAt?.toISOString() ?? null,
      })),
      total,
      page,
      pageSize,
    };
  }
}
