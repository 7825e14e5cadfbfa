import { ZFollowUpDashboard, ZFollowUpExportQuery, ZReminderRun } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';

export class FollowUpDashboardDto extends createZodDto(ZFollowUpDashboard) {}
export class ReminderRunDto extends createZodDto(ZReminderRun) {}
export class FollowUpExportQueryDto extends createZodDto(ZFollowUpExportQuery) {}
