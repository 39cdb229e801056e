import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Account, recipientPageQuery, recipientQuery, restrictToAudience } from '@app/identity';
import { AudienceQuery, AudienceSource, AudienceSources } from '@app/messaging';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { AGE_BANDS, AgeBand } from './age-bands';
import { KINDS_OF_CARE, KindOfCare } from './care-relationship.entity';
import { Carer } from './carer.entity';
import { localDateSql, YOUNG_CARER_BELOW_AGE } from './dates';

export const CARER_AUDIENCE = 'carers';

/** Which active carers an invitation reaches; every field narrows, none means all active carers. */
export interface CarerAudienceFilter {
  wijkId?: string;
  ageBand?: AgeBand;
  youngCarers?: boolean;
  /** A kind of care in one of the carer's current care relationships (e.g. dementia). */
  kindOfCare?: KindOfCare;
  burden?: 'low' | 'moderate' | 'high';
}

const LOCAL_AGE = `date_part('year', age(${localDateSql('now()', 'municipality.timezone')}, carer.date_of_birth))`;

/**
 * Active carers of a municipality as a fan-out audience: a carer whose situation is confirmed
 * and who can be reached (verified email, or registered without email for post).
 */
@Injectable()
export class CarerAudience implements AudienceSource, OnModuleInit {
  readonly source = CARER_AUDIENCE;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audiences: AudienceSources,
  ) {}

  onModuleInit(): void {
    this.audiences.register(this);
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
    filter: CarerAudienceFilter,
    dedupeScope: string | null,
  ): SelectQueryBuilder<Account> {
    const query = recipientQuery(this.dataSource)
      .innerJoin(Carer, 'carer', 'carer.accountId = account.id')
      .andWhere(`carer.status = 'active'`)
      .andWhere('(account.emailVerifiedAt IS NOT NULL OR account.email IS NULL)');
    if (filter.wijkId) query.andWhere('carer.wijkId = :wijkId', { wijkId: filter.wijkId });
    if (filter.burden) query.andWhere('carer.latestBurden = :burden', { burden: filter.burden });
    if (filter.ageBand && filter.ageBand in AGE_BANDS) {
      const band = AGE_BANDS[filter.ageBand];
      query.andWhere(`${LOCAL_AGE} >= :bandFrom AND ${LOCAL_AGE} < :bandBelow`, {
        bandFrom: band.from,
        bandBelow: band.below,
      });
    }
    if (filter.youngCarers !== undefined)
      query.andWhere(`${LOCAL_AGE} ${filter.youngCarers ? '<' : '>='} :youngBelow`, {
        youngBelow: YOUNG_CARER_BELOW_AGE,
      });
    if (filter.kindOfCare && (KINDS_OF_CARE as readonly string[]).includes(filter.kindOfCare)) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM care_relationship relationship WHERE relationship.carer_id = carer.id AND relationship.ended_at IS NULL AND :kindOfCare = ANY(relationship.kinds_of_care))`,
        { kindOfCare: filter.kindOfCare },
      );
    }
    return restrictToAudience(query, municipalityId, dedupeScope);
  }
}
