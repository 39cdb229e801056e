import { Module } from '@nestjs/common';
import { PartnerKeyVerifier } from '@app/platform';
import { AccountLinkPages } from './account-link-pages';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { MailRequestThrottle } from './mail-request-throttle';
import { IdentityModule } from './identity.module';
import { MeController } from './me.controller';
import { MunicipalityController } from './municipality.controller';
import { PartnerController } from './partner.controller';
import { PartnerService } from './partner.service';
import { UsersController } from './users.controller';

@Module({
  imports: [IdentityModule],
  controllers: [AuthController, MeController, UsersController, MunicipalityController, PartnerController],
  providers: [
    AccountLinkPages,
    AuthService,
    LoginThrottle,
    MailRequestThrottle,
    { provide: PartnerKeyVerifier, useExisting: PartnerService },
  ],
  exports: [PartnerKeyVerifier, IdentityModule, AuthService, MailRequestThrottle],
})
export class IdentityHttpModule {}
