import { Global, Module } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';
import { ThrottleService } from './throttle.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionsService, ThrottleService, UsersRepository],
  exports: [SessionsService, ThrottleService, UsersRepository],
})
export class AuthModule {}
