import { Injectable, OnModuleInit } from '@nestjs/common';
import { AudienceSource, AudienceSources, Recipient, RecipientDirectory } from '@app/messaging';
import { PERSON_ROLES } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, SelectQueryBuilder } from 'typeorm';
import { Account } from './account.entity';
import { Municipality } from './municipality.entity';

interface RecipientRow {
  account_id: string;
  municipality_id: string;
  email: string | null;
  language: 'nl' | 'en';
  contact_channel: 'email' | 'post';
  campaign_opt_out_at: Date | null;
  display_name: string | null;
  sender_name: string;
}

function toRecipient(row: RecipientRow): Recipient {
  return {
    accountId: row.account_id,
    municipalityId: row.municipality_id,
    email: row.email,
    language: row.language,
    channel: row.contact_channel,
    campaignOptOut: row.campaign_opt_out_at !== null,
    displayName: row.display_name,
    senderName: row.sender_name,
  };
}

/** Accounts as message recipients, and "all accounts of some roles" as an audience. */
@Injectable()
export class AccountRecipients extends RecipientDirectory implements AudienceSource, OnModuleInit {
  readonly source = 'accounts';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audiences: AudienceSources,
  ) {
    super();
  }

  onModuleInit(): void {
    this.audiences.register(this);
  }

  async get(accountId: string): Promise<Recipient | null> {
    const row = await this.select().where('account.id = :accountId', { accountId }).andWhere('account.disabledAt IS NULL').getRawOne<RecipientRow>();
    return row ? toRecipient(row) : null;
  }

  async optOutOfCampaigns(accountId: string): Promise<void> {
    await this.dataSource.getRepository(Account).update({ id: accountId, campaignOptOutAt: IsNull() }, { campaignOptOutAt: new Date() });
  }

  count(municipalityId: string, filter: Record<string, unknown>): Promise<number> {
    return this.audience(municipalityId, filter).getCount();
  }

  async page(municipalityId: string, filter: Record<string, unknown>, afterAccountId: string | null, limit: number): Promise<Recipient[]> {
    const query = this.audience(municipalityId, filter).orderBy('account.id', 'ASC').limit(limit);
    if (afterAccountId) query.andWhere('account.id > :afterAccountId', { afterAccountId });
    return (await query.getRawMany<RecipientRow>()).map(toRecipient);
  }

  private audience(municipalityId: string, filter: Record<string, unknown>): SelectQueryBuilder<Account> {
    const roles = Array.isArray(filter.roles) ? filter.roles.filter((role) => (PERSON_ROLES as readonly unknown[]).includes(role)) : [];
    return this.select()
      .where('account.municipalityId = :municipalityId', { municipalityId })
      .andWhere('account.role IN (:...roles)', { roles: roles.length > 0 ? roles : ['none'] })
      .andWhere('account.disabledAt IS NULL');
  }

  private select(): SelectQueryBuilder<Account> {
    return this.dataSource
      .getRepository(Account)
      .createQueryBuilder('account')
      .innerJoin(Municipality, 'municipality', 'municipality.id = account.municipalityId')
      .select([])
      .addSelect('account.id', 'account_id')
      .addSelect('account.municipality_id', 'municipality_id')
      .addSelect('account.email', 'email')
      .addSelect('account.language', 'language')
      .addSelect('account.contact_channel', 'contact_channel')
      .addSelect('account.campaign_opt_out_at', 'campaign_opt_out_at')
      .addSelect('account.display_name', 'display_name')
      .addSelect(`municipality.settings->>'senderName'`, 'sender_name');
  }
}
