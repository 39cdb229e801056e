import { Injectable } from '@nestjs/common';
import { Account, AccountService, MunicipalityService } from '@app/identity';
import {
  ConflictError,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
  Page,
  PageQuery,
  paginate,
  RequestContext,
} from '@app/platform';
import { DateTime } from 'luxon';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Carer } from './carer.entity';
import { DomainError, escapeLike, preparedQuery } from '@app/platform';
import { YOUNG_CARER_BELOW_AGE } from './dates';
import { CareRelationshipNotFoundError } from './carer-errors';
import { normalizePostcode } from '@app/identity';

export interface CarerSearch {
  name?: string;
  postcode?: string;
  wijkId?: string;
  youngCarer?: boolean;
  status?: 'pending_verification' | 'active' | 'inactive';
  burden?: 'low' | 'moderate' | 'high';
}

/** The acting carer as a booking sees them: ids, and the account a booking's mail goes to. */
export interface BookingParty extends Pick<Carer, 'id' | 'accountId' | 'municipalityId'> {
  account: Pick<Account, 'id' | 'municipalityId' | 'email' | 'emailVerifiedAt' | 'language' | 'contactChannel'>;
}

type BookingPartyRow = Pick<BookingParty, 'id' | 'accountId' | 'municipalityId'> &
  Omit<BookingParty['account'], 'id' | 'municipalityId'> & {
    accountMunicipalityId: string;
    relationshipActive: boolean;
  };

export interface CarerWithAccount {
  carer: Carer;
  account: Account;
}

/** Reading carers: the carer's own profile, and staff search within their municipality. */
export interface OwnCarerChanges {
  firstName?: string;
  lastName?: string;
  postcode?: string;
  houseNumber?: string;
  phone?: string | null;
  contactChannel?: 'email' | 'post';
}

@Injectable()
export class CarerService {
  constructor(
    @InjectMunicipalityScoped(Carer) private readonly carers: MunicipalityScopedRepository<Carer>,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly context: RequestContext,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The signed-in carer's own record. */
  async mine(): Promise<Carer> {
    const carer = await this.carers.findOne({ accountId: this.context.actor().id });
    if (!carer) throw notACarer();
    return carer;
  }

  /**
   * What a booking needs of the acting carer, in one plain-SQL read: the carer's ids, the
   * account's address and channel, and whether the care relationship is the carer's and has
   * not ended: every booking runs it, and it was three round trips, one of them through an entity.
   */
  async bookingParty(careRelationshipId: string): Promise<BookingParty> {
    const [row] = await preparedQuery<BookingPartyRow>(
      this.dataSource,
      `SELECT carer.id, carer.account_id AS "accountId", carer.municipality_id AS "municipalityId",
              account.municipality_id AS "accountMunicipalityId", account.email,
              account.email_verified_at AS "emailVerifiedAt", account.language,
              account.contact_channel AS "contactChannel",
              EXISTS (
                SELECT 1 FROM care_relationship relationship
                 WHERE relationship.id = $3 AND relationship.carer_id = carer.id
                   AND relationship.municipality_id = carer.municipality_id AND relationship.ended_at IS NULL
              ) AS "relationshipActive"
         FROM carer JOIN account ON account.id = carer.account_id
        WHERE carer.account_id = $1 AND carer.municipality_id = $2`,
      [this.context.actor().id, this.context.municipalityId(), careRelationshipId],
    );
    if (!row) throw notACarer();
    if (!row.relationshipActive) throw new CareRelationshipNotFoundError();
    const { id, accountId, municipalityId, accountMunicipalityId, email, emailVerifiedAt, language, contactChannel } =
      row;
    return {
      id,
      accountId,
      municipalityId,
      account: {
        id: accountId,
        municipalityId: accountMunicipalityId,
        email,
        emailVerifiedAt,
        language,
        contactChannel,
      },
    };
  }

  async get(id: string): Promise<CarerWithAccount> {
    const carer = await this.carers.findOne({ id });
    if (!carer) throw new NotFoundError({ nl: 'De mantelzorger', en: 'The carer' });
    const account = await this.accounts.findById(carer.accountId);
    return { carer, account: account! };
  }

  /**
   * The carer changes their own name, address (the wijk follows the postcode), phone and how
   * they hear from the steunpunt. Post needs an address, email an email address.
   */
  async updateMine(changes: OwnCarerChanges): Promise<CarerWithAccount> {
    const carer = await this.mine();
    const account = (await this.accounts.findById(carer.accountId))!;
    if (changes.firstName !== undefined) carer.firstName = changes.firstName;
    if (changes.lastName !== undefined) carer.lastName = changes.lastName;
    if (changes.phone !== undefined) carer.phone = changes.phone;
    if (changes.houseNumber !== undefined) carer.houseNumber = changes.houseNumber.trim();
    if (changes.postcode !== undefined) {
      carer.postcode = normalizePostcode(changes.postcode);
      carer.wijkId = (await this.municipalities.wijkForPostcode(carer.municipalityId, changes.postcode))?.id ?? null;
    }
    const channel = changes.contactChannel ?? account.contactChannel;
    if (channel === 'post' && (!carer.postcode || !carer.houseNumber))
      throw new DomainError(
        'ADDRESS_REQUIRED',
        422,
        {
          nl: 'Post kan alleen met een adres.',
          en: 'Post needs an address.',
        },
        [{ field: 'contactChannel', message: 'post needs postcode and houseNumber' }],
      );
    if (channel === 'email' && !account.email)
      throw new DomainError(
        'EMAIL_REQUIRED',
        422,
        {
          nl: 'Mail kan alleen met een e-mailadres.',
          en: 'Email needs an email address.',
        },
        [{ field: 'contactChannel', message: 'email needs an email address' }],
      );
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Carer).save(carer);
      if (changes.contactChannel) await manager.getRepository(Account).update(account.id, { contactChannel: channel });
    });
    return { carer, account: { ...account, contactChannel: channel } };
  }

  /** Staff turn an inactive carer (no re-confirmation) back on; counts as confirmed today. */
  async reactivate(id: string): Promise<CarerWithAccount> {
    const { account } = await this.get(id);
    if (account.erasedAt)
      throw new ConflictError('PERSON_ERASED', {
        nl: 'Deze persoon is gewist en kan niet opnieuw actief worden.',
        en: 'This person was erased and cannot be reactivated.',
      });
    await this.carers.update(
      { id },
      { status: 'active', inactiveSince: null, confirmedAt: new Date(), reconfirmationRequestedAt: null },
    );
    return this.get(id);
  }

  async withAccount(carer: Carer): Promise<CarerWithAccount> {
    return { carer, account: (await this.accounts.findById(carer.accountId))! };
  }

  async search(filter: CarerSearch, page: PageQuery): Promise<Page<CarerWithAccount>> {
    const query = this.carers.query('carer');
    if (filter.name) {
      query.andWhere(`(carer.firstName || ' ' || carer.lastName) ILIKE :name`, {
        name: `%${escapeLike(filter.name)}%`,
      });
    }
    if (filter.postcode) {
      const compact = normalizePostcode(filter.postcode) ?? filter.postcode.replace(/\s+/g, '').toUpperCase();
      query.andWhere('carer.postcode LIKE :postcode', { postcode: `${escapeLike(compact)}%` });
    }
    if (filter.burden) query.andWhere('carer.latestBurden = :burden', { burden: filter.burden });
    if (filter.wijkId) query.andWhere('carer.wijkId = :wijkId', { wijkId: filter.wijkId });
    if (filter.youngCarer !== undefined) {
      const { timezone } = await this.municipalities.current();
      const youngFrom = DateTime.now().setZone(timezone).minus({ years: YOUNG_CARER_BELOW_AGE }).toISODate();
      query.andWhere(filter.youngCarer ? 'carer.dateOfBirth > :youngFrom' : 'carer.dateOfBirth <= :youngFrom', {
        youngFrom,
      });
    }
    if (filter.status === 'inactive') query.andWhere(`carer.status = 'inactive'`);
    if (filter.status === 'active' || filter.status === 'pending_verification') {
      query
        .andWhere(`carer.status = 'active'`)
        .andWhere(
          `EXISTS (SELECT 1 FROM account a WHERE a.id = carer.account_id AND ${filter.status === 'active' ? '(a.email_verified_at IS NOT NULL OR a.email IS NULL)' : 'a.email IS NOT NULL AND a.email_verified_at IS NULL'})`,
        );
    }
    const found = await paginate(query, page);
    const accounts = new Map(
      (await this.accounts.findByIds(found.items.map((carer) => carer.accountId))).map((account) => [
        account.id,
        account,
      ]),
    );
    return {
      items: found.items.map((carer) => ({ carer, account: accounts.get(carer.accountId)! })),
      nextCursor: found.nextCursor,
    };
  }
}

function notACarer(): DomainError {
  return new DomainError('NOT_A_CARER', 403, {
    nl: 'Alleen mantelzorgers hebben een mantelzorgprofiel.',
    en: 'Only carers have a carer profile.',
  });
}
