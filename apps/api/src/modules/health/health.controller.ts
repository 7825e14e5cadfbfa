import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ZHealthResponse, type THealthResponse } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import type { FastifyReply } from 'fastify';
import { OUTAGE_RETRY_AFTER_SECONDS } from '../../common/db/database-outage';
import { createZodDto } from '../../common/http/zod-dto';
import { Public } from '../../common/decorators/access.decorators';
import { PRISMA } from '../../config/config.module';

class HealthResponseDto extends createZodDto(ZHealthResponse) {}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** 200 when the database answers, 503 when it does not (for load balancers and orchestrators). */
  @Get()
  @Public()
  @ApiOkResponse({ type: HealthResponseDto })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<THealthResponse> {
    let database: 'up' | 'down' = 'up';
    try {
      await this.prisma.$queryRaw`SELECT 1`;
    } catch {
      database = 'down'; // reported in the body; the cause is the database's, not the caller's
    }
    if (database === 'down') reply.status(503).header('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
    return { status: database === 'up' ? 'ok' : 'degraded', database, time: new Date().toISOString() };
  }
}
