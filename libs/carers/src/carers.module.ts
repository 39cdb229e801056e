import { Global, Module } from '@nestjs/common';
import { PostalAddressBook } from '@app/messaging';
import { TypeOrmModule } from '@nestjs/typeorm';
import { provideMunicipalityScoped } from '@app/platform';
import { CareRelationship } from './care-relationship.entity';
import { CareRelationshipService } from './care-relationship.service';
import { Carer } from './carer.entity';
import { CarerAudience } from './carer-audience';
import { CarerDirectory } from './carer-directory';
import { CarerPersonalData } from './carer-personal-data';
import { CarerMonitorFigures } from './carer-monitor-figures';
import { CarerPostalAddresses } from './carer-postal-addresses';
import { CarerRegistrationService } from './carer-registration.service';
import { CarerService } from './carer.service';
import { CareRecipientAddress } from './care-recipient-address';
import { CarerFollowUp } from './carer-follow-up';
import { CarerMessageKinds } from './carer-message-kinds';
import { Consent } from './consent.entity';
import { Screening } from './screening.entity';
import { ScreeningService } from './screening.service';
import { Signal, SignalNote } from './signal.entity';
import { SignalService } from './signal.service';
import { ConsentService } from './consent.service';

/** Carers, their care relationships and consents: services for api, worker and cli. Global: messaging reads postal addresses through it. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Carer, CareRelationship, Consent, Screening, Signal, SignalNote])],
  providers: [
    provideMunicipalityScoped(Carer),
    provideMunicipalityScoped(CareRelationship),
    provideMunicipalityScoped(Consent),
    provideMunicipalityScoped(Screening),
    provideMunicipalityScoped(Signal),
    provideMunicipalityScoped(SignalNote),
    CarerMessageKinds,
    CarerFollowUp,
    ScreeningService,
    SignalService,
    CarerRegistrationService,
    CarerService,
    CareRelationshipService,
    CareRecipientAddress,
    ConsentService,
    CarerPostalAddresses,
    CarerAudience,
    CarerDirectory,
    CarerPersonalData,
    CarerMonitorFigures,
    { provide: PostalAddressBook, useExisting: CarerPostalAddresses },
  ],
  exports: [
    CarerDirectory,
    CarerMonitorFigures,
    CarerFollowUp,
    ScreeningService,
    SignalService,
    CarerRegistrationService,
    CarerService,
    CareRelationshipService,
    ConsentService,
    PostalAddressBook,
  ],
})
export class CarersModule {}
