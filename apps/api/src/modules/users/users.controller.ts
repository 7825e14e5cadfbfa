import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { UuidPipe } from '../../common/http/uuid.pipe';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ZUpdateRolesRequest, ZUserList, ZUserListQuery, type TUser, type TUserList } from '@tahkim/contracts';
import { createZodDto } from '../../common/http/zod-dto';
import { Roles } from '../../common/decorators/access.decorators';
import { Ctx, type RequestContext } from '../../common/http/request-context';
import { UserDto } from '../auth/auth.dto';
import { UsersService } from './users.service';

class UserListQueryDto extends createZodDto(ZUserListQuery) {}
class UserListDto extends createZodDto(ZUserList) {}
class UpdateRolesRequestDto extends createZodDto(ZUpdateRolesRequest) {}

@ApiTags('users')
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles('STAFF')
  @ApiOkResponse({ type: UserListDto })
  list(@Query() query: UserListQueryDto): Promise<TUserList> {
    return this.users.list(query);
  }

  @Put(':id/roles')
  @Roles('ADMIN')
  @ApiOkResponse({ type: UserDto })
  setRoles(@Param('id', UuidPipe) id: string, @Body() body: UpdateRolesRequestDto, @Ctx() ctx: RequestContext): Promise<TUser> {
    return this.users.setRoles(id, body, ctx);
  }
}
