import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ZTimeZoneData, type TTimeZoneData } from '@tahkim/contracts';
import { CASABLANCA_ZONE, zoneData } from '@tahkim/contracts/time-zone-data';
import { Public } from '../../common/decorators/access.decorators';
import { createZodDto } from '../../common/http/zod-dto';

class TimeZoneDataDto extends createZodDto(ZTimeZoneData) {}

/** The years the web app may need to show: past submissions to deadlines some years ahead. */
const RANGE = { from: new Date(Date.UTC(2000, 0, 1)), until: new Date(Date.UTC(2041, 0, 1)) };

@ApiTags('time-zone')
@Controller('time-zone')
export class TimeZoneController {
  private readonly data = zoneData(CASABLANCA_ZONE, RANGE.from, RANGE.until);

  /**
   * Africa/Casablanca's offsets from 2000 to 2040, from the server's packaged time-zone data, so that
   * browsers show instants as the server does whatever their own data says.
   */
  @Get()
  @Public()
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({ type: TimeZoneDataDto })
  get(): TTimeZoneData {
    return this.data;
  }
}
