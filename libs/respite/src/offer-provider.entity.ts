import { Account } from '@app/identity';
import { BaseRecord } from '@app/platform';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { RespiteOffer } from './respite-offer.entity';

/** A provider's account bound to a respite offer they run: they keep its slots and see who is booked. */
@Entity('offer_provider')
@Index('uq_offer_provider', ['offerId', 'accountId'], { unique: true })
@Index('ix_offer_provider_account', ['accountId'])
export class OfferProvider extends BaseRecord {
  @Column({ type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'uuid' })
  offerId: string;

  @Column({ type: 'uuid' })
  accountId: string;

  @ManyToOne(() => RespiteOffer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'fk_offer_provider_offer' })
  offer?: RespiteOffer;

  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_offer_provider_account' })
  account?: Account;
}
