import { Injectable } from '@nestjs/common';
import { Account, AccountService, MunicipalityService } from '@app/identity';
import {
  noteAuditSubject,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  RequestContext,
} from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Carer } from './carer.entity';
import { DateInFutureError, GuardianConsentRequiredError, SelfSignupUnder16Error } from './carer-errors';
import { ConsentService } from './consent.service';
import { ageOn, SELF_SIGNUP_FROM_AGE, today } from './dates';
import { normalizePostcode } from '@app/identity';

export interface CarerProfileInput {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  postcode: string;
  houseNumber: string;
  phone?: string;
  language?: 'nl' | 'en';
}

export interface SelfSignUp extends CarerProfileInput {
  municipalityCode: string;
  email: string;
  password: string;
  healthDataConsent: boolean;
}

export interface StaffRegistration extends CarerProfileInput {
  email?: string;
  contactChannel?: 'email' | 'post';
  guardianConsent?: { guardianName: string };
  healthDataConsent?: boolean;
}

/** How carers come in: self sign-up with email, or registration by staff (also without email, or under 16). */
@Injectable()
export class CarerRegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(Carer) private readonly carers: MunicipalityScopedRepository<Carer>,
    private readonly municipalities: MunicipalityService,
    private readonly accounts: AccountService,
    private readonly consents: ConsentService,
    private readonly context: RequestContext,
  ) {}

  /** Public sign-up: the account waits for email verification before booking or applying. */
  async signUp(input: SelfSignUp): Promise<Carer> {
    const municipality = await this.municipalities.findByCode(input.municipalityCode);
    const age = this.checkDateOfBirth(input.dateOfBirth, municipality.timezone);
    if (age < SELF_SIGNUP_FROM_AGE) throw new SelfSignupUnder16Error();
    const wijk = await this.municipalities.wijkForPostcode(municipality.id, input.postcode);
    // No one is signed in yet: the new carer acts for their own municipality in this transaction.
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.create(
        {
          municipalityId: municipality.id,
          email: input.email,
          password: input.password,
          role: 'carer',
          language: input.language ?? 'nl',
          displayName: input.firstName,
        },
        manager,
      );
      return this.context.runAs({ id: account.id, role: 'carer', municipalityId: municipality.id }, async () => {
        const carer = await this.saveCarer(manager, account, input, wijk?.id ?? null, 'self');
        if (input.healthDataConsent) await this.consents.give(manager, carer.id, 'health_data', 'self');
        await this.accounts.queueMessage(manager, account, 'verify_email');
        return carer;
      });
    });
  }

  /** Staff register a carer of their municipality: without email (post), or under 16 with guardian consent. */
  async registerByStaff(input: StaffRegistration): Promise<Carer> {
    const municipality = await this.municipalities.current();
    const age = this.checkDateOfBirth(input.dateOfBirth, municipality.timezone);
    if (age < SELF_SIGNUP_FROM_AGE && !input.guardianConsent) throw new GuardianConsentRequiredError();
    const wijk = await this.municipalities.wijkForPostcode(municipality.id, input.postcode);
    const channel = input.contactChannel ?? (input.email ? 'email' : 'post');
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.create(
        {
          municipalityId: municipality.id,
          email: input.email ?? null,
          role: 'carer',
          language: input.language ?? 'nl',
          displayName: input.firstName,
          contactChannel: channel,
        },
        manager,
      );
      const carer = await this.saveCarer(manager, account, input, wijk?.id ?? null, 'staff');
      noteAuditSubject(carer.id);
      if (input.guardianConsent)
        await this.consents.give(
          manager,
          carer.id,
          'guardian',
          'staff',
          `guardian: ${input.guardianConsent.guardianName}`,
        );
      if (input.healthDataConsent) await this.consents.give(manager, carer.id, 'health_data', 'staff');
      // With an address, the carer chooses a password through the emailed link.
      if (account.email) await this.accounts.queueMessage(manager, account, 'account_invitation');
      return carer;
    });
  }

  private saveCarer(
    manager: EntityManager,
    account: Account,
    input: CarerProfileInput,
    wijkId: string | null,
    registeredBy: 'self' | 'staff',
  ): Promise<Carer> {
    return this.carers.save(
      this.carers.create({
        accountId: account.id,
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        dateOfBirth: input.dateOfBirth,
        postcode: normalizePostcode(input.postcode)!,
        houseNumber: input.houseNumber.trim(),
        wijkId,
        phone: input.phone ?? null,
        status: 'active',
        registeredBy,
        confirmedAt: new Date(),
        reconfirmationRequestedAt: null,
        latestBurden: null,
      }),
      manager,
    );
  }

  private checkDateOfBirth(dateOfBirth: string, timezone: string): number {
    const day = today(timezone);
    if (dateOfBirth > day) throw new DateInFutureError('dateOfBirth');
    return ageOn(dateOfBirth, day);
  }
}
