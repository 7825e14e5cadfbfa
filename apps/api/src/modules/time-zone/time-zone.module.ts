import { Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { casablancaTime } from '../../common/time/casablanca-time';
import { TimeZoneController } from './time-zone.controller';

@Module({ controllers: [TimeZoneController] })
export class TimeZoneModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('TimeZone');

  /** Says which data converts deadlines, so an outdated package shows in the start-up log. */
  onApplicationBootstrap(): void {
    this.logger.log(casablancaTime.describe());
  }
}
