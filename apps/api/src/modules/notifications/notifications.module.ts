import { Global, Module } from '@nestjs/common';
import { EmailsController } from './emails.controller';
import { EmailsService } from './emails.service';
import { OutboxService } from './outbox.service';

@Global()
@Module({ controllers: [EmailsController], providers: [OutboxService, EmailsService], exports: [OutboxService] })
export class NotificationsModule {}
