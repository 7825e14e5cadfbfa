import { Module } from '@nestjs/common';
import { ProgrammeController } from './programme.controller';
import { ProgrammeService } from './programme.service';

/** After the decision: the support programme of a call's winners. */
@Module({ controllers: [ProgrammeController], providers: [ProgrammeService] })
export class ProgrammeModule {}
