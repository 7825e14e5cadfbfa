import { Global, Module } from '@nestjs/common';
import { EmailsController } from './emails.controller';
import { EmailsService } from './emails.service';
import { OutboxService } from './outbox.service';
import { WorkNoticesService } from './work-notices.service';

@Global()
@Module({ controllers: [EmailsController], providers: [OutboxService, EmailsService, WorkNoticesService], exports: [OutboxService, WorkNoticesService] })
export class NotificationsModule {}
