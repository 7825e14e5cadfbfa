import { Global, Module, type DynamicModule } from '@nestjs/common';
import { databasePool, Sql, type PrismaClient } from '@tahkim/db';
import { DatabaseOutageMonitor } from '../common/db/database-outage';
import type { AppConfig } from './env';
import { APP_CONFIG, DATABASE_URL, PRISMA, SQL } from './tokens';

export { APP_CONFIG, DATABASE_URL, PRISMA, SQL };

/** Makes the parsed configuration and the database client, both created before Nest starts, injectable. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig, prisma: PrismaClient, databaseUrl: string): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PRISMA, useValue: prisma },
        { provide: SQL, useValue: new Sql(databasePool(prisma)) },
        { provide: DATABASE_URL, useValue: databaseUrl },
        DatabaseOutageMonitor,
      ],
      exports: [APP_CONFIG, PRISMA, SQL, DATABASE_URL, DatabaseOutageMonitor],
    };
  }
}
