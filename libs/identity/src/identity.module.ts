import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { provideMunicipalityScoped } from '@app/platform';
import { Account } from './account.entity';
import { AccountMailer } from './account-mailer';
import { AccountService } from './account.service';
import { Municipality } from './municipality.entity';
import { MunicipalityService } from './municipality.service';
import { OneTimeToken } from './one-time-token.entity';
import { OneTimeTokens } from './one-time-tokens';
import { Partner } from './partner.entity';
import { PartnerService } from './partner.service';
import { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { RefreshTokens } from './refresh-tokens';
import { Wijk, WijkPostcodeRange } from './wijk.entity';

/** Municipalities, wijken, accounts, tokens and partners: services for api, worker and cli. */
@Module({
  imports: [TypeOrmModule.forFeature([Municipality, Wijk, WijkPostcodeRange, Account, RefreshToken, OneTimeToken, Partner])],
  providers: [
    provideMunicipalityScoped(Account),
    provideMunicipalityScoped(Wijk),
    provideMunicipalityScoped(WijkPostcodeRange),
    provideMunicipalityScoped(Partner),
    AccountMailer,
    AccountService,
    MunicipalityService,
    OneTimeTokens,
    PartnerService,
    PasswordHasher,
    RefreshTokens,
  ],
  exports: [AccountService, MunicipalityService, PartnerService, PasswordHasher, RefreshTokens],
})
export class IdentityModule {}
