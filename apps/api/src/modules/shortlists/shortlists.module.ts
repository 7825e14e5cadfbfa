import { Module } from '@nestjs/common';
import { ShortlistsController } from './shortlists.controller';
import { ShortlistsRepository } from './shortlists.repository';
import { ShortlistsService } from './shortlists.service';

@Module({ controllers: [ShortlistsController], providers: [ShortlistsRepository, ShortlistsService] })
export class ShortlistsModule {}
