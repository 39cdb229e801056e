import { Global, Module } from '@nestjs/common';
import { RecipientDirectory } from '@app/messaging';
import { TypeOrmModule } from '@nestjs/typeorm';
import { provideMunicipalityScoped } from '@app/platform';
import { Account } from './account.entity';
import { AccountMessageKinds } from './account-message-kinds';
import { AccountService } from './account.service';
import { Municipality } from './municipality.entity';
import { MunicipalityService } from './municipality.service';
import { OneTimeToken } from './one-time-token.entity';
import { OneTimeTokens } from './one-time-tokens';
import { Partner } from './partner.entity';
import { PartnerKey } from './partner-key.entity';
import { PartnerService } from './partner.service';
import { OwnAccountService } from './own-account.service';
import { PasswordHasher } from './password-hasher';
import { RefreshToken } from './refresh-token.entity';
import { AccountRecipients } from './recipient-directory';
import { RefreshTokens } from './refresh-tokens';
import { Wijk, WijkNeighbour, WijkPostcodeRange } from './wijk.entity';

/** Municipalities, wijken, accounts, tokens and partners: services for api, worker and cli. Global: messaging reads recipients through it. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Municipality,
      Wijk,
      WijkPostcodeRange,
      WijkNeighbour,
      Account,
      RefreshToken,
      OneTimeToken,
      Partner,
      PartnerKey,
    ]),
  ],
  providers: [
    provideMunicipalityScoped(Account),
    provideMunicipalityScoped(Wijk),
    provideMunicipalityScoped(WijkPostcodeRange),
    provideMunicipalityScoped(WijkNeighbour),
    provideMunicipalityScoped(Partner),
    AccountMessageKinds,
    AccountRecipients,
    { provide: RecipientDirectory, useExisting: AccountRecipients },
    AccountService,
    MunicipalityService,
    OneTimeTokens,
    PartnerService,
    PasswordHasher,
    RefreshTokens,
    OwnAccountService,
  ],
  exports: [
    AccountService,
    OwnAccountService,
    MunicipalityService,
    PartnerService,
    PasswordHasher,
    RefreshTokens,
    OneTimeTokens,
    RecipientDirectory,
  ],
})
export class IdentityModule {}
