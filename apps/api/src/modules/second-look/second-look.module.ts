import { Module } from '@nestjs/common';
import { JuryAdminModule } from '../jury-admin/jury-admin.module';
import { SecondLookController } from './second-look.controller';
import { SecondLookService } from './second-look.service';

@Module({ imports: [JuryAdminModule], controllers: [SecondLookController], providers: [SecondLookService] })
export class SecondLookModule {}
