import { Injectable } from '@nestjs/common';
import { InjectMunicipalityScoped, MunicipalityScopedRepository } from '@app/platform';
import { EntityManager, IsNull } from 'typeorm';
import { CareRelationship } from './care-relationship.entity';
import { Consent, CONSENT_VERSIONS, ConsentPurpose } from './consent.entity';

/** Consents as records; withdrawing health consent erases the health fields it covered. */
@Injectable()
export class ConsentService {
  constructor(
    @InjectMunicipalityScoped(Consent) private readonly consents: MunicipalityScopedRepository<Consent>,
    @InjectMunicipalityScoped(CareRelationship)
    private readonly relationships: MunicipalityScopedRepository<CareRelationship>,
  ) {}

  list(carerId: string): Promise<Consent[]> {
    return this.consents.find({ where: { carerId }, order: { givenAt: 'DESC' } });
  }

  async hasActive(carerId: string, purpose: ConsentPurpose, manager?: EntityManager): Promise<boolean> {
    return (await this.consents.findOne({ carerId, purpose, withdrawnAt: IsNull() }, manager)) !== null;
  }

  /** Gives consent for the current text version; giving it again changes nothing. */
  async give(
    manager: EntityManager,
    carerId: string,
    purpose: ConsentPurpose,
    givenBy: 'self' | 'staff',
    note: string | null = null,
  ): Promise<Consent> {
    const existing = await this.consents.findOne({ carerId, purpose, withdrawnAt: IsNull() }, manager);
    if (existing) return existing;
    return this.consents.save(
      this.consents.create({
        carerId,
        purpose,
        version: CONSENT_VERSIONS[purpose],
        givenAt: new Date(),
        givenBy,
        note,
        withdrawnAt: null,
      }),
      manager,
    );
  }

  /** Withdraws; for health data the kinds of care and notes of every relationship are erased in the same transaction. */
  async withdraw(manager: EntityManager, carerId: string, purpose: ConsentPurpose): Promise<void> {
    const active = await this.consents.findOne({ carerId, purpose, withdrawnAt: IsNull() }, manager);
    if (!active) return;
    active.withdrawnAt = new Date();
    await this.consents.save(active, manager);
    if (purpose === 'health_data') {
      await this.relationships.update({ carerId }, { kindsOfCare: [], notesEncrypted: null }, manager);
    }
  }
}
