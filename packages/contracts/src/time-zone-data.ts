import moment from 'moment-timezone';
import { toZoneTable, type TTimeZoneData, type ZoneTable } from './zone-table';

/**
 * The time-zone data the app carries: the IANA database as packaged by `moment-timezone` (pinned in
 * package.json; bumping it updates the data). Node-only (`@tahkim/contracts/time-zone-data`): the web
 * app receives the same table from the API instead of bundling it.
 */
export const CASABLANCA_ZONE = 'Africa/Casablanca';

/** The IANA release of the packaged data ("2026f"). */
export const TIME_ZONE_DATA_VERSION: string = moment.tz.dataVersion;

/** Every change of offset the packaged data knows for a zone (minutes east of UTC). */
export function zoneData(zone: string, from = new Date(Date.UTC(1900, 0, 1)), until = new Date(Date.UTC(2100, 0, 1))): TTimeZoneData {
  const packed = moment.tz.zone(zone);
  if (!packed) throw new Error(`The packaged time-zone data ${TIME_ZONE_DATA_VERSION} has no zone ${zone}`);
  // moment keeps minutes *west* of UTC, each offset holding until untils[i].
  const east = (index: number) => Math.round(-packed.offsets[index]!) || 0;
  let initialOffsetMinutes = east(packed.offsets.length - 1);
  const transitions: TTimeZoneData['transitions'] = [];
  for (let index = 0; index < packed.untils.length; index += 1) {
    const start = index === 0 ? -Infinity : packed.untils[index - 1]!;
    const end = packed.untils[index]!;
    if (start <= from.getTime() && from.getTime() < end) initialOffsetMinutes = east(index);
    if (start > from.getTime() && start < until.getTime()) transitions.push({ at: new Date(start).toISOString(), offsetMinutes: east(index) });
  }
  return { zone, dataVersion: TIME_ZONE_DATA_VERSION, from: from.toISOString(), until: until.toISOString(), initialOffsetMinutes, transitions };
}

/** Africa/Casablanca over the whole packaged data: what the server converts and formats with. */
export const CASABLANCA: ZoneTable = toZoneTable(zoneData(CASABLANCA_ZONE));
