import { Global, Module } from '@nestjs/common';
import { UsersRepository } from '../users/users.repository';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';
import { ThrottleRepository } from './throttle.repository';
import { ThrottleService } from './throttle.service';

@Global()
@Module({
  controllers: [AuthController],
  providers: [AuthService, SessionsService, ThrottleService, ThrottleRepository, UsersRepository],
  exports: [SessionsService, ThrottleService, UsersRepository],
})
export class AuthModule {}
