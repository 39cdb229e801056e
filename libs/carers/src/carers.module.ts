import { Global, Module } from '@nestjs/common';
import { PostalAddressBook } from '@app/messaging';
import { TypeOrmModule } from '@nestjs/typeorm';
import { provideMunicipalityScoped } from '@app/platform';
import { CareRelationship } from './care-relationship.entity';
import { CareRelationshipService } from './care-relationship.service';
import { Carer } from './carer.entity';
import { CarerPostalAddresses } from './carer-postal-addresses';
import { CarerRegistrationService } from './carer-registration.service';
import { CarerService } from './carer.service';
import { Consent } from './consent.entity';
import { ConsentService } from './consent.service';

/** Carers, their care relationships and consents: services for api, worker and cli. Global: messaging reads postal addresses through it. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Carer, CareRelationship, Consent])],
  providers: [
    provideMunicipalityScoped(Carer),
    provideMunicipalityScoped(CareRelationship),
    provideMunicipalityScoped(Consent),
    CarerRegistrationService,
    CarerService,
    CareRelationshipService,
    ConsentService,
    CarerPostalAddresses,
    { provide: PostalAddressBook, useExisting: CarerPostalAddresses },
  ],
  exports: [CarerRegistrationService, CarerService, CareRelationshipService, ConsentService, PostalAddressBook],
})
export class CarersModule {}
