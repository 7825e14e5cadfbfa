import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { PrismaClient } from '@tahkim/db';
import type { AppConfig } from './env';

export const APP_CONFIG = Symbol('APP_CONFIG');
export const PRISMA = Symbol('PRISMA');
export const DATABASE_URL = Symbol('DATABASE_URL');

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
        { provide: DATABASE_URL, useValue: databaseUrl },
      ],
      exports: [APP_CONFIG, PRISMA, DATABASE_URL],
    };
  }
}
