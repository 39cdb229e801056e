import { Injectable } from '@nestjs/common';
import { PostalAddress, PostalAddressBook } from '@app/messaging';
import { InjectMunicipalityScoped, MunicipalityScopedRepository } from '@app/platform';
import { In } from 'typeorm';
import { Carer } from './carer.entity';

/** Carers' postal addresses for the post list of a campaign, within the acting municipality. */
@Injectable()
export class CarerPostalAddresses extends PostalAddressBook {
  constructor(@InjectMunicipalityScoped(Carer) private readonly carers: MunicipalityScopedRepository<Carer>) {
    super();
  }

  async addresses(accountIds: string[]): Promise<Map<string, PostalAddress>> {
    const found = accountIds.length === 0 ? [] : await this.carers.find({ where: { accountId: In(accountIds) } });
    const addresses = new Map<string, PostalAddress>();
    // An erased carer has no address left; they are left off the list.
    for (const carer of found) {
      if (!carer.postcode || !carer.houseNumber) continue;
      addresses.set(carer.accountId, {
        name: `${carer.firstName} ${carer.lastName}`,
        postcode: `${carer.postcode.slice(0, 4)} ${carer.postcode.slice(4)}`,
        houseNumber: carer.houseNumber,
      });
    }
    return addresses;
  }
}
