import { Inject, Injectable } from '@nestjs/common';
import type { TEmailList, TEmailListQuery } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import type { AuthenticatedUser } from '../auth/auth.types';
import { mayReadEmailSecrets } from './emails.access';
import { emailSegments, segmentsText } from './email-secrets';

@Injectable()
export class EmailsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One page of the outbox, newest first; one-time links hidden unless this reader may follow them. */
  async list(query: TEmailListQuery, viewer: AuthenticatedUser): Promise<TEmailList> {
    const reveal = mayReadEmailSecrets(viewer, this.config);
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
      items: rows.map((row) => {
        const segments = emailSegments(row.text, row.secrets ?? [], reveal);
        return {
          id: row.id,
          to: row.toAddress,
          locale: row.locale,
          template: row.template,
          subject: row.subject,
          text: segmentsText(segments),
          segments,
          status: row.status,
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt.toISOString(),
          sentAt: row.sentAt?.toISOString() ?? null,
        };
      }),
      total,
      page,
      pageSize,
    };
  }
}
