import { Injectable } from '@nestjs/common';
import { dueAt, Signal } from '@app/carers';
import { MailRequestThrottle, MunicipalityService, normalizeEmail, normalizePostcode, settingSql } from '@app/identity';
import { LinkTokens, MessageService } from '@app/messaging';
import { FieldCipher, NotFoundError, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { NotAReferrerError, ReferralConsentRequiredError } from './intake-errors';
import { INTAKE_MESSAGES, REFERRAL_CONSENT_PURPOSE, REFERRAL_LINK_SECONDS } from './intake-message-kinds';
import { Referral, ReferralSource } from './referral.entity';

export interface ReferredPerson {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
  postcode: string;
  reason?: string;
}

export interface ReferralView {
  referral: Referral;
  reason: string | null;
  signalId: string | null;
}

/**
 * Referrals by partners in care. Through a referrer's key the referrer records that the carer
 * agreed, and the referral reaches the caseload at once; through the public form the carer is
 * mailed a one-time link and only their yes puts it on the caseload. Unanswered referrals are
 * deleted after two weeks.
 */
@Injectable()
export class ReferralService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalityService,
    private readonly messages: MessageService,
    private readonly tokens: LinkTokens,
    private readonly mailRequests: MailRequestThrottle,
    private readonly cipher: FieldCipher,
    private readonly context: RequestContext,
  ) {}

  /** A referrer partner (its key) refers a carer who agreed to it. */
  async referAsPartner(person: ReferredPerson & { carerConsented: boolean }): Promise<ReferralView> {
    const partner = this.context.actor();
    if (partner.keyScope?.partnerKind !== 'referrer') throw new NotAReferrerError();
    if (!person.carerConsented) throw new ReferralConsentRequiredError();
    const [row] = await this.dataSource.query<Array<{ name: string; referrer_source: ReferralSource }>>(
      'SELECT name, referrer_source FROM partner WHERE id = $1 AND municipality_id = $2',
      [partner.id, partner.municipalityId],
    );
    if (!row) throw new NotAReferrerError();
    const municipality = await this.municipalities.current();
    return this.dataSource.transaction(async (manager) => {
      const referral = await this.save(manager, municipality.id, person, {
        source: row.referrer_source,
        channel: 'partner',
        partnerId: partner.id,
        referrerName: row.name,
        status: 'consented',
        consentAt: new Date(),
        consentHow: 'referrer',
      });
      const signal = await this.openSignal(manager, referral);
      return { referral, reason: person.reason ?? null, signalId: signal.id };
    });
  }

  /**
   * The public form: the referral waits for the carer's yes through the mailed link. Past the
   * per-address and per-IP allowance nothing is stored or sent, and the answer is the same.
   */
  async referByForm(
    input: ReferredPerson & { municipalityCode: string; referrerName: string; source: ReferralSource; email: string },
    ip: string,
  ): Promise<void> {
    const municipality = await this.municipalities.findByCode(input.municipalityCode);
    const email = normalizeEmail(input.email);
    if (!(await this.mailRequests.allows('referral', email, ip))) return;
    await this.dataSource.transaction(async (manager) => {
      const referral = await this.save(
        manager,
        municipality.id,
        { ...input, email },
        {
          source: input.source,
          channel: 'form',
          partnerId: null,
          referrerName: input.referrerName,
          status: 'awaiting_consent',
          consentAt: null,
          consentHow: null,
        },
      );
      await this.messages.queue(manager, {
        recipient: { accountId: null, municipalityId: municipality.id, email, language: 'nl', channel: 'email' },
        kind: INTAKE_MESSAGES.referralConsent,
        params: { referralId: referral.id, referrerName: input.referrerName },
        dedupeKey: `referral-consent.${referral.id}`,
      });
    });
  }

  /** Whether a consent link still stands (for the page before the button is pressed). */
  async awaitsConsent(token: string): Promise<boolean> {
    const referralId = this.tokens.verify(REFERRAL_CONSENT_PURPOSE, token);
    if (!referralId) return false;
    const referral = await this.dataSource.getRepository(Referral).findOneBy({ id: referralId });
    return referral?.status === 'awaiting_consent';
  }

  /** The carer's yes through the link: the referral reaches the caseload, once. */
  async consent(token: string): Promise<boolean> {
    const referralId = this.tokens.verify(REFERRAL_CONSENT_PURPOSE, token);
    if (!referralId) return false;
    return this.dataSource.transaction(async (manager) => {
      const referral = await manager
        .getRepository(Referral)
        .findOne({ where: { id: referralId }, lock: { mode: 'pessimistic_write' } });
      if (!referral || referral.status !== 'awaiting_consent') return false;
      referral.status = 'consented';
      referral.consentAt = new Date();
      referral.consentHow = 'link';
      await manager.getRepository(Referral).save(referral);
      await this.openSignal(manager, referral);
      return true;
    });
  }

  /** Referrals that reached the caseload, newest first (staff). */
  async list(limit = 100): Promise<Referral[]> {
    return this.dataSource.getRepository(Referral).find({
      where: { municipalityId: this.context.municipalityId(), status: 'consented' },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  /** One referral the person agreed to (staff); one still waiting for consent is not shown. */
  async get(id: string): Promise<ReferralView> {
    const referral = await this.dataSource
      .getRepository(Referral)
      .findOneBy({ id, municipalityId: this.context.municipalityId(), status: 'consented' });
    if (!referral) throw new NotFoundError({ nl: 'De verwijzing', en: 'The referral' });
    const signal = await this.dataSource.getRepository(Signal).findOneBy({ referralId: referral.id });
    return {
      referral,
      reason: referral.reasonEncrypted ? this.cipher.decrypt(referral.reasonEncrypted) : null,
      signalId: signal?.id ?? null,
    };
  }

  /** Deletes referrals nobody agreed to within the link's lifetime, and the address their mail kept. */
  async purgeUnanswered(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // A CTE, so the driver answers with the rows (a bare DELETE answers with rows and a count).
      const gone = await manager.query<Array<{ id: string }>>(
        `WITH gone AS (
           DELETE FROM referral WHERE status = 'awaiting_consent' AND created_at < now() - make_interval(secs => $1)
           RETURNING id)
         SELECT id::text FROM gone`,
        [REFERRAL_LINK_SECONDS],
      );
      if (gone.length > 0)
        await manager.query(
          `UPDATE message SET to_address = NULL WHERE kind = $1 AND account_id IS NULL AND params ->> 'referralId' = ANY($2)`,
          [INTAKE_MESSAGES.referralConsent, gone.map((row) => row.id)],
        );
      return gone.length;
    });
  }

  private async save(
    manager: EntityManager,
    municipalityId: string,
    person: ReferredPerson,
    how: Pick<Referral, 'source' | 'channel' | 'partnerId' | 'referrerName' | 'status' | 'consentAt' | 'consentHow'>,
  ): Promise<Referral> {
    const wijk = await this.municipalities.wijkForPostcode(municipalityId, person.postcode);
    const email = person.email ? normalizeEmail(person.email) : null;
    // A referred person who already has a carer account is linked to it, so staff see the record.
    const [carer] = email
      ? await manager.query<Array<{ id: string }>>(
          `SELECT c.id FROM carer c JOIN account a ON a.id = c.account_id WHERE a.email = $1 AND c.municipality_id = $2`,
          [email, municipalityId],
        )
      : [];
    const repository = manager.getRepository(Referral);
    return repository.save(
      repository.create({
        ...how,
        municipalityId,
        firstName: person.firstName,
        lastName: person.lastName,
        email,
        phone: person.phone ?? null,
        postcode: normalizePostcode(person.postcode) ?? person.postcode,
        wijkId: wijk?.id ?? null,
        reasonEncrypted: person.reason ? this.cipher.encrypt(person.reason) : null,
        carerId: carer?.id ?? null,
      }),
    );
  }

  private async openSignal(manager: EntityManager, referral: Referral): Promise<Signal> {
    const municipality = await manager.query<Array<{ timezone: string; days: number }>>(
      `SELECT m.timezone, ${settingSql('m', 'signalDueWorkingDays')} AS days FROM municipality m WHERE m.id = $1`,
      [referral.municipalityId],
    );
    const signals = manager.getRepository(Signal);
    return signals.save(
      signals.create({
        municipalityId: referral.municipalityId,
        carerId: referral.carerId,
        referralId: referral.id,
        reason: 'referral',
        status: 'open',
        dueAt: dueAt(new Date(), municipality[0].days, municipality[0].timezone),
      }),
    );
  }
}
