import { Injectable } from '@nestjs/common';
import { ConflictError } from '@app/platform';
import { EntityManager } from 'typeorm';
import { AppreciationApplication } from './application.entity';
import { AppreciationCampaign } from './campaign.entity';
import { CampaignRepository } from './campaign.repository';
import { Voucher } from './voucher.entity';
import { VoucherIssuer } from './voucher-issuer';

/**
 * Pays an approved application under the campaign's rule for carers of one person. With
 * "split equally" the amount is shared by every approved carer of the person: vouchers not
 * used yet are made smaller (their difference back in the budget), a voucher already used
 * keeps its value, and the new carer gets an equal share of what is left. The caller holds the
 * person's lock, so approvals for one person are paid one after the other.
 */
@Injectable()
export class SharedAward {
  constructor(
    private readonly issuer: VoucherIssuer,
    private readonly campaigns: CampaignRepository,
  ) {}

  async pay(
    manager: EntityManager,
    campaign: AppreciationCampaign,
    application: AppreciationApplication,
    carerAccountId: string,
  ): Promise<Voucher> {
    if (campaign.sharedCareRule !== 'split_equally' || application.choice !== 'voucher')
      return this.issuer.issue(manager, application, carerAccountId);
    const others = await manager
      .getRepository(Voucher)
      .createQueryBuilder('voucher')
      .innerJoin(AppreciationApplication, 'application', 'application.id = voucher.applicationId')
      .where('application.campaignId = :campaignId AND application.careRecipientKey = :key', {
        campaignId: campaign.id,
        key: application.careRecipientKey,
      })
      .andWhere(`application.status = 'approved' AND application.id <> :id AND voucher.kind = 'voucher'`, {
        id: application.id,
      })
      .setLock('pessimistic_write')
      .getMany();
    const used = others.filter((voucher) => voucher.balanceCents < voucher.valueCents);
    const unused = others.filter((voucher) => voucher.balanceCents === voucher.valueCents);
    const left = campaign.amountCents - used.reduce((sum, voucher) => sum + voucher.valueCents, 0);
    const share = Math.floor(left / (unused.length + 1));
    if (share < 1)
      throw new ConflictError('SHARE_ALREADY_SPENT', {
        nl: 'De andere mantelzorgers van deze persoon hebben het hele bedrag al besteed.',
        en: 'The other carers of this person have spent the whole amount already.',
      });
    for (const voucher of unused) {
      if (voucher.valueCents === share) continue;
      await this.campaigns.giveBack(manager, campaign.id, voucher.valueCents - share);
      await manager
        .getRepository(Voucher)
        .update({ id: voucher.id, balanceCents: voucher.valueCents }, { valueCents: share, balanceCents: share });
    }
    return this.issuer.issue(manager, application, carerAccountId, share);
  }
}
