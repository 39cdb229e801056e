import { Injectable } from '@nestjs/common';
import { FieldCipher, InjectMunicipalityScoped, MunicipalityScopedRepository } from '@app/platform';
import { MunicipalityService } from '@app/identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { CareRelationship, KindOfCare, Relation } from './care-relationship.entity';
import {
  CareRelationshipEndedError,
  CareRelationshipNotFoundError,
  DateInFutureError,
  HealthConsentRequiredError,
} from './carer-errors';
import { ConsentService } from './consent.service';
import { CareRecipientAddress } from './care-recipient-address';
import { today } from './dates';

export interface CareRelationshipInput {
  careRecipientName: string;
  relation: Relation;
  livesInMunicipality: boolean;
  since: string;
  hoursPerWeek: number;
  kindsOfCare?: KindOfCare[];
  notes?: string | null;
  careRecipientPostcode?: string;
  careRecipientHouseNumber?: string;
}

export interface CareRelationshipView {
  relationship: CareRelationship;
  notes: string | null;
}

/** A carer's care relationships. Health fields are kept only under an active health_data consent. */
@Injectable()
export class CareRelationshipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(CareRelationship)
    private readonly relationships: MunicipalityScopedRepository<CareRelationship>,
    private readonly consents: ConsentService,
    private readonly municipalities: MunicipalityService,
    private readonly cipher: FieldCipher,
    private readonly address: CareRecipientAddress,
  ) {}

  async create(carerId: string, input: CareRelationshipInput): Promise<CareRelationshipView> {
    await this.checkSince(input.since);
    return this.dataSource.transaction(async (manager) => {
      await this.checkHealthConsent(manager, carerId, input);
      const relationship = await this.relationships.save(
        this.relationships.create({
          carerId,
          careRecipientName: input.careRecipientName.trim(),
          relation: input.relation,
          livesInMunicipality: input.livesInMunicipality,
          since: input.since,
          hoursPerWeek: input.hoursPerWeek,
          kindsOfCare: input.kindsOfCare ?? [],
          notesEncrypted: input.notes ? this.cipher.encrypt(input.notes) : null,
          recipientAddressHash: this.address.hashOf(input.careRecipientPostcode, input.careRecipientHouseNumber),
          endedAt: null,
        }),
        manager,
      );
      return this.view(relationship);
    });
  }

  async list(carerId: string, includeEnded = false): Promise<CareRelationshipView[]> {
    const found = await this.relationships.find({
      where: includeEnded ? { carerId } : { carerId, endedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
    return found.map((relationship) => this.view(relationship));
  }

  async update(carerId: string, id: string, changes: Partial<CareRelationshipInput>): Promise<CareRelationshipView> {
    if (changes.since) await this.checkSince(changes.since);
    return this.dataSource.transaction(async (manager) => {
      const relationship = await this.owned(manager, carerId, id);
      if (relationship.endedAt) throw new CareRelationshipEndedError();
      await this.checkHealthConsent(manager, carerId, changes);
      if (changes.careRecipientName !== undefined) relationship.careRecipientName = changes.careRecipientName.trim();
      if (changes.relation !== undefined) relationship.relation = changes.relation;
      if (changes.livesInMunicipality !== undefined) relationship.livesInMunicipality = changes.livesInMunicipality;
      if (changes.since !== undefined) relationship.since = changes.since;
      if (changes.hoursPerWeek !== undefined) relationship.hoursPerWeek = changes.hoursPerWeek;
      if (changes.kindsOfCare !== undefined) relationship.kindsOfCare = changes.kindsOfCare;
      if (changes.notes !== undefined)
        relationship.notesEncrypted = changes.notes ? this.cipher.encrypt(changes.notes) : null;
      if (changes.careRecipientPostcode !== undefined || changes.careRecipientHouseNumber !== undefined)
        relationship.recipientAddressHash = this.address.hashOf(
          changes.careRecipientPostcode,
          changes.careRecipientHouseNumber,
        );
      return this.view(await this.relationships.save(relationship, manager));
    });
  }

  async end(carerId: string, id: string): Promise<CareRelationshipView> {
    return this.dataSource.transaction(async (manager) => {
      const relationship = await this.owned(manager, carerId, id);
      relationship.endedAt ??= new Date();
      return this.view(await this.relationships.save(relationship, manager));
    });
  }

  /** For other contexts (respite, appreciation): an active relationship of this carer, or 404. */
  async activeOf(carerId: string, id: string): Promise<CareRelationship> {
    const relationship = await this.relationships.findOne({ id, carerId, endedAt: IsNull() });
    if (!relationship) throw new CareRelationshipNotFoundError();
    return relationship;
  }

  private async owned(manager: EntityManager, carerId: string, id: string): Promise<CareRelationship> {
    const relationship = await this.relationships.findOne({ id, carerId }, manager);
    if (!relationship) throw new CareRelationshipNotFoundError();
    return relationship;
  }

  private async checkHealthConsent(
    manager: EntityManager,
    carerId: string,
    input: Partial<CareRelationshipInput>,
  ): Promise<void> {
    const wantsHealthData = (input.kindsOfCare?.length ?? 0) > 0 || !!input.notes;
    if (wantsHealthData && !(await this.consents.hasActive(carerId, 'health_data', manager)))
      throw new HealthConsentRequiredError();
  }

  private async checkSince(since: string): Promise<void> {
    const { timezone } = await this.municipalities.current();
    if (since > today(timezone)) throw new DateInFutureError('since');
  }

  private view(relationship: CareRelationship): CareRelationshipView {
    return { relationship, notes: this.cipher.decryptNullable(relationship.notesEncrypted) };
  }
}
