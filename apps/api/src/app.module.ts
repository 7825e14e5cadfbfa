import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { PrismaClient } from '@tahkim/db';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { DatabaseOutageMonitor } from './common/db/database-outage';
import { AllExceptionsFilter, type SpaFallback } from './common/filters/all-exceptions.filter';
import { AuthGuard } from './common/guards/auth.guard';
import { CsrfGuard } from './common/guards/csrf.guard';
import { TextInputGuard } from './common/guards/text-input.guard';
import { CoreModule } from './config/config.module';
import type { AppConfig } from './config/env';
import { ApplicationsModule } from './modules/applications/applications.module';
import { AttachmentsModule } from './modules/attachments/attachments.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { BallotsModule } from './modules/ballots/ballots.module';
import { CallsModule } from './modules/calls/calls.module';
import { DecisionsModule } from './modules/decisions/decisions.module';
import { AnnouncementModule } from './modules/announcement/announcement.module';
import { ProgrammeModule } from './modules/programme/programme.module';
import { ReportsModule } from './modules/reports/reports.module';
import { FollowUpModule } from './modules/follow-up/follow-up.module';
import { HealthModule } from './modules/health/health.module';
import { InvitationsModule } from './modules/invitations/invitations.module';
import { JobsModule } from './modules/jobs/jobs.module';
import { JuryAdminModule } from './modules/jury-admin/jury-admin.module';
import { ExpertiseModule } from './modules/expertise/expertise.module';
import { JuryModule } from './modules/jury/jury.module';
import { ScorecardsModule } from './modules/scorecards/scorecards.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { ResultsModule } from './modules/results/results.module';
import { RoundsModule } from './modules/rounds/rounds.module';
import { SecondLookModule } from './modules/second-look/second-look.module';
import { ShortlistsModule } from './modules/shortlists/shortlists.module';
import { TimeZoneModule } from './modules/time-zone/time-zone.module';
import { UsersModule } from './modules/users/users.module';
import { loggerOptions } from './logger';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, prisma: PrismaClient, databaseUrl: string, spa?: SpaFallback): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config, prisma, databaseUrl),
        LoggerModule.forRoot(loggerOptions(config)),
        JobsModule,
        AuditModule,
        NotificationsModule,
        AuthModule,
        UsersModule,
        InvitationsModule,
        CallsModule,
        ApplicationsModule,
        AttachmentsModule,
        RoundsModule,
        ExpertiseModule,
        JuryAdminModule,
        JuryModule,
        ScorecardsModule,
        ShortlistsModule,
        ResultsModule,
        SecondLookModule,
        BallotsModule,
        DecisionsModule,
        AnnouncementModule,
        ProgrammeModule,
        ReportsModule,
        FollowUpModule,
        HealthModule,
        TimeZoneModule,
      ],
      providers: [
        // Order matters: a cross-site request is refused before anything else looks at it.
        { provide: APP_GUARD, useClass: CsrfGuard },
        // Then text the database cannot store, so that such a request never reaches a service.
        { provide: APP_GUARD, useClass: TextInputGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        {
          provide: APP_FILTER,
          useFactory: (outage: DatabaseOutageMonitor) => new AllExceptionsFilter(spa, outage),
          inject: [DatabaseOutageMonitor],
        },
      ],
    };
  }
}
