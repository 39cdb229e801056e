import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  AudienceQuery,
  AudienceSource,
  AudienceSources,
  notMessagedInScope,
  Recipient,
  RecipientDirectory,
} from '@app/messaging';
import { PERSON_ROLES } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, SelectQueryBuilder } from 'typeorm';
import { Account } from './account.entity';
import { Municipality } from './municipality.entity';

export interface RecipientRow {
  account_id: string;
  municipality_id: string;
  email: string | null;
  language: 'nl' | 'en';
  contact_channel: 'email' | 'post';
  campaign_opt_out_at: Date | null;
  mail_opt_outs: string[] | null;
  display_name: string | null;
  sender_name: string;
}

export function toRecipient(row: RecipientRow): Recipient {
  return {
    accountId: row.account_id,
    municipalityId: row.municipality_id,
    email: row.email,
    language: row.language,
    channel: row.contact_channel,
    campaignOptOut: row.campaign_opt_out_at !== null,
    mailOptOuts: row.mail_opt_outs ?? [],
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
    return (await this.getMany([accountId])).get(accountId) ?? null;
  }

  async getMany(accountIds: string[]): Promise<Map<string, Recipient>> {
    if (accountIds.length === 0) return new Map();
    const rows = await recipientQuery(this.dataSource)
      .where('account.id = ANY(:accountIds)', { accountIds })
      .andWhere('account.disabledAt IS NULL')
      .getRawMany<RecipientRow>();
    return new Map(rows.map((row) => [row.account_id, toRecipient(row)]));
  }

  async senderNameOf(municipalityId: string): Promise<string | null> {
    const municipality = await this.dataSource.getRepository(Municipality).findOneBy({ id: municipalityId });
    return municipality?.settings.senderName ?? null;
  }

  async optOutOfCampaigns(accountId: string): Promise<void> {
    await this.dataSource
      .getRepository(Account)
      .update({ id: accountId, campaignOptOutAt: IsNull() }, { campaignOptOutAt: new Date() });
  }

  count(municipalityId: string, filter: Record<string, unknown>, dedupeScope: string | null): Promise<number> {
    return this.audience(municipalityId, filter, dedupeScope).getCount();
  }

  pageQuery(
    municipalityId: string,
    filter: Record<string, unknown>,
    afterAccountId: string | null,
    limit: number,
    dedupeScope: string | null,
  ): AudienceQuery {
    return recipientPageQuery(this.audience(municipalityId, filter, dedupeScope), afterAccountId, limit);
  }

  private audience(
    municipalityId: string,
    filter: Record<string, unknown>,
    dedupeScope: string | null,
  ): SelectQueryBuilder<Account> {
    const roles = Array.isArray(filter.roles)
      ? filter.roles.filter((role) => (PERSON_ROLES as readonly unknown[]).includes(role))
      : [];
    return restrictToAudience(
      recipientQuery(this.dataSource).andWhere('account.role IN (:...roles)', {
        roles: roles.length > 0 ? roles : ['none'],
      }),
      municipalityId,
      dedupeScope,
    );
  }
}

/** Accounts (alias "account") with everything a message needs, for audiences of other contexts to narrow. */
export function recipientQuery(dataSource: DataSource): SelectQueryBuilder<Account> {
  return dataSource
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
    .addSelect('account.mail_opt_outs', 'mail_opt_outs')
    .addSelect('account.display_name', 'display_name')
    .addSelect(`municipality.settings->>'senderName'`, 'sender_name');
}

/** The common part of every audience: one municipality, enabled accounts, not yet messaged in the scope. */
export function restrictToAudience(
  query: SelectQueryBuilder<Account>,
  municipalityId: string,
  dedupeScope: string | null,
): SelectQueryBuilder<Account> {
  query.andWhere('account.municipalityId = :municipalityId', { municipalityId }).andWhere('account.disabledAt IS NULL');
  if (dedupeScope) query.andWhere(notMessagedInScope('account.id'), { dedupeScope });
  return query;
}

/** The SQL of one page of an audience, ordered by account id, for the fan-out to write from. */
export function recipientPageQuery(
  query: SelectQueryBuilder<Account>,
  afterAccountId: string | null,
  limit: number,
): AudienceQuery {
  query.orderBy('account.id', 'ASC').limit(limit);
  if (afterAccountId) query.andWhere('account.id > :afterAccountId', { afterAccountId });
  const [sql, parameters] = query.getQueryAndParameters();
  return { sql, parameters };
}
