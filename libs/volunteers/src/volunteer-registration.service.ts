import { noteAuditSubject } from '@app/platform';
import { Injectable } from '@nestjs/common';
import {
  Account,
  AccountService,
  ageOn,
  Municipality,
  MunicipalityService,
  normalizePostcode,
  today,
} from '@app/identity';
import { DateInFutureError } from '@app/carers';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { normalizeAvailability } from './availability';
import { Volunteer } from './volunteer.entity';
import { UnknownSkillError, VOLUNTEER_MINIMUM_AGE, VolunteerTooYoungError } from './volunteer-errors';

export interface VolunteerProfileInput {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  postcode: string;
  houseNumber: string;
  phone?: string;
  language?: 'nl' | 'en';
  skills?: string[];
  languages?: string[];
  availability?: string[];
  maxMatches?: number;
}

/** How volunteers come in: sign-up with email, or registration by staff (who may leave email out). */
@Injectable()
export class VolunteerRegistrationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalityService,
    private readonly accounts: AccountService,
  ) {}

  /** Public sign-up; the verification mail goes out in the same transaction. */
  async signUp(
    input: VolunteerProfileInput & { municipalityCode: string; email: string; password: string },
  ): Promise<Volunteer> {
    const municipality = await this.municipalities.findByCode(input.municipalityCode);
    this.check(input, municipality);
    const wijk = await this.municipalities.wijkForPostcode(municipality.id, input.postcode);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.create(
        {
          municipalityId: municipality.id,
          email: input.email,
          password: input.password,
          role: 'volunteer',
          language: input.language ?? 'nl',
          displayName: input.firstName,
        },
        manager,
      );
      const volunteer = await this.save(manager, account, input, wijk?.id ?? null, 'self');
      await this.accounts.queueMessage(manager, account, 'verify_email');
      return volunteer;
    });
  }

  /** Staff register a volunteer of their municipality; with an address the volunteer is invited to choose a password. */
  async registerByStaff(input: VolunteerProfileInput & { email?: string }): Promise<Volunteer> {
    const municipality = await this.municipalities.current();
    this.check(input, municipality);
    const wijk = await this.municipalities.wijkForPostcode(municipality.id, input.postcode);
    return this.dataSource.transaction(async (manager) => {
      const account = await this.accounts.create(
        {
          municipalityId: municipality.id,
          email: input.email ?? null,
          role: 'volunteer',
          language: input.language ?? 'nl',
          displayName: input.firstName,
          contactChannel: input.email ? 'email' : 'post',
        },
        manager,
      );
      const volunteer = await this.save(manager, account, input, wijk?.id ?? null, 'staff');
      noteAuditSubject(volunteer.id);
      if (account.email) await this.accounts.queueMessage(manager, account, 'account_invitation');
      return volunteer;
    });
  }

  /** Refuses a date of birth in the future, an age under the minimum and skills not on the municipal list. */
  check(input: Pick<VolunteerProfileInput, 'dateOfBirth' | 'skills'>, municipality: Municipality): void {
    const day = today(municipality.timezone);
    if (input.dateOfBirth > day) throw new DateInFutureError('dateOfBirth');
    if (ageOn(input.dateOfBirth, day) < VOLUNTEER_MINIMUM_AGE) throw new VolunteerTooYoungError();
    checkSkills(input.skills ?? [], municipality);
  }

  private save(
    manager: EntityManager,
    account: Account,
    input: VolunteerProfileInput,
    wijkId: string | null,
    registeredBy: 'self' | 'staff',
  ): Promise<Volunteer> {
    const repository = manager.getRepository(Volunteer);
    return repository.save(
      repository.create({
        municipalityId: account.municipalityId,
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
        skills: [...new Set(input.skills ?? [])],
        languages: [...new Set(input.languages ?? [input.language ?? 'nl'])],
        availability: normalizeAvailability(input.availability ?? []),
        maxMatches: input.maxMatches ?? 2,
        vogIssuedOn: null,
        vogRecordedBy: null,
      }),
    );
  }
}

export function checkSkills(skills: string[], municipality: Municipality): void {
  const unknown = skills.filter((skill) => !municipality.settings.volunteerSkills.includes(skill));
  if (unknown.length > 0) throw new UnknownSkillError(unknown);
}
