import { BaseRecord } from '@app/platform';
import { Check, Column, Entity, Index } from 'typeorm';

export const OFFER_KINDS = ['day_care', 'short_stay', 'at_home'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/**
 * Respite offered by a provider. Managed by one municipality's staff; a regional
 * provider serves several municipalities (their carers can book), never sharing carers.
 */
@Entity('respite_offer')
@Index('ix_respite_offer_served', ['servedMunicipalityIds'])
@Check('ck_respite_offer_kind', `"kind" IN ('day_care', 'short_stay', 'at_home')`)
export class RespiteOffer extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid', array: true })
  servedMunicipalityIds: string[];

  @Column({ type: 'text' })
  kind: OfferKind;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  providerName: string | null;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  /** The wijk of the owning municipality the offer is in, when it has a fixed place. */
  @Column({ type: 'uuid', nullable: true })
  wijkId: string | null;

  /** e.g. "dementia", "physical", "young_onset" */
  @Column({ type: 'text', array: true })
  suitability: string[];

  @Column({ type: 'text', nullable: true })
  contact: string | null;
}
