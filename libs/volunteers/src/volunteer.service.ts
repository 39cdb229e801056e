import { Injectable } from '@nestjs/common';
import { MunicipalityService, normalizePostcode, today } from '@app/identity';
import {
  DomainError,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
  Page,
  PageQuery,
  paginate,
  RequestContext,
} from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { DateInFutureError } from '@app/carers';
import { normalizeAvailability } from './availability';
import { VolunteerAbsence } from './volunteer-absence.entity';
import { checkSkills } from './volunteer-registration.service';
import { VolunteerTraining } from './volunteer-training.entity';
import { Volunteer } from './volunteer.entity';

export interface VolunteerPreferences {
  skills?: string[];
  languages?: string[];
  availability?: string[];
  maxMatches?: number;
  phone?: string;
  firstName?: string;
  lastName?: string;
  postcode?: string;
  houseNumber?: string;
}

export interface VolunteerFilter {
  status?: 'active' | 'inactive';
  skill?: string;
  wijkId?: string;
  /** Only volunteers whose VOG is within the municipal maximum age (true) or not (false). */
  vogValid?: boolean;
}

/** Profiles: volunteers keep their own preferences; staff record VOG and trainings and look volunteers up. */
@Injectable()
export class VolunteerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(Volunteer) private readonly volunteers: MunicipalityScopedRepository<Volunteer>,
    @InjectMunicipalityScoped(VolunteerTraining)
    private readonly trainings: MunicipalityScopedRepository<VolunteerTraining>,
    @InjectMunicipalityScoped(VolunteerAbsence)
    private readonly absences: MunicipalityScopedRepository<VolunteerAbsence>,
    private readonly municipalities: MunicipalityService,
    private readonly context: RequestContext,
  ) {}

  async mine(): Promise<Volunteer> {
    const volunteer = await this.volunteers.findOne({ accountId: this.context.actor().id });
    if (!volunteer)
      throw new DomainError('NOT_A_VOLUNTEER', 403, {
        nl: 'Alleen vrijwilligers hebben een vrijwilligersprofiel.',
        en: 'Only volunteers have a volunteer profile.',
      });
    return volunteer;
  }

  async get(id: string): Promise<Volunteer> {
    const volunteer = await this.volunteers.findOne({ id });
    if (!volunteer) throw new NotFoundError({ nl: 'De vrijwilliger', en: 'The volunteer' });
    return volunteer;
  }

  /** Changes the volunteer's own preferences. */
  async updateMine(changes: VolunteerPreferences): Promise<Volunteer> {
    const volunteer = await this.mine();
    if (changes.skills) checkSkills(changes.skills, await this.municipalities.current());
    if (changes.skills) volunteer.skills = [...new Set(changes.skills)];
    if (changes.languages) volunteer.languages = [...new Set(changes.languages)];
    if (changes.availability) volunteer.availability = normalizeAvailability(changes.availability);
    if (changes.maxMatches !== undefined) volunteer.maxMatches = changes.maxMatches;
    if (changes.phone !== undefined) volunteer.phone = changes.phone;
    if (changes.firstName !== undefined) volunteer.firstName = changes.firstName;
    if (changes.lastName !== undefined) volunteer.lastName = changes.lastName;
    if (changes.houseNumber !== undefined) volunteer.houseNumber = changes.houseNumber.trim();
    if (changes.postcode !== undefined) {
      volunteer.postcode = normalizePostcode(changes.postcode) ?? volunteer.postcode;
      volunteer.wijkId =
        (await this.municipalities.wijkForPostcode(volunteer.municipalityId, changes.postcode))?.id ?? null;
    }
    return this.volunteers.save(volunteer);
  }

  /** Staff saw the certificate: its issue date counts from now on. */
  async recordVog(volunteerId: string, issuedOn: string, costReimbursed = false): Promise<Volunteer> {
    const volunteer = await this.get(volunteerId);
    const { timezone } = await this.municipalities.current();
    if (issuedOn > today(timezone)) throw new DateInFutureError('issuedOn');
    volunteer.vogIssuedOn = issuedOn;
    if (costReimbursed) volunteer.vogCostReimbursedOn = today(timezone);
    volunteer.vogRecordedBy = this.context.actor().id;
    return this.volunteers.save(volunteer);
  }

  async addTraining(
    volunteerId: string,
    training: { kind: string; completedOn: string; validUntil?: string },
  ): Promise<VolunteerTraining> {
    await this.get(volunteerId);
    const { timezone } = await this.municipalities.current();
    if (training.completedOn > today(timezone)) throw new DateInFutureError('completedOn');
    if (training.validUntil && training.validUntil < training.completedOn) {
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        { nl: 'validUntil mag niet voor completedOn liggen.', en: 'validUntil must not be before completedOn.' },
        [{ field: 'validUntil', message: 'must not be before completedOn' }],
      );
    }
    return this.trainings.save(
      this.trainings.create({
        volunteerId,
        kind: training.kind,
        completedOn: training.completedOn,
        validUntil: training.validUntil ?? null,
        recordedBy: this.context.actor().id,
      }),
    );
  }

  trainingsOf(volunteerId: string): Promise<VolunteerTraining[]> {
    return this.trainings.find({ where: { volunteerId }, order: { completedOn: 'DESC' } });
  }

  async addAbsence(fromDate: string, toDate: string): Promise<VolunteerAbsence> {
    const volunteer = await this.mine();
    if (toDate < fromDate)
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        { nl: 'to mag niet voor from liggen.', en: 'to must not be before from.' },
        [{ field: 'to', message: 'must not be before from' }],
      );
    return this.absences.save(this.absences.create({ volunteerId: volunteer.id, fromDate, toDate }));
  }

  async absencesOf(volunteerId: string): Promise<VolunteerAbsence[]> {
    return this.absences.find({ where: { volunteerId }, order: { fromDate: 'ASC' } });
  }

  /** The oldest VOG issue date that still counts today. */
  async oldestValidVogDate(): Promise<string> {
    const { timezone, settings } = await this.municipalities.current();
    return DateTime.now().setZone(timezone).minus({ months: settings.vogMaximumAgeMonths }).toISODate()!;
  }

  /** Newest first, with cursor pagination. */
  async search(filter: VolunteerFilter, page: PageQuery): Promise<Page<Volunteer>> {
    const query = this.dataSource
      .getRepository(Volunteer)
      .createQueryBuilder('volunteer')
      .where('volunteer.municipalityId = :municipalityId', { municipalityId: this.context.municipalityId() });
    if (filter.status) query.andWhere('volunteer.status = :status', { status: filter.status });
    if (filter.skill) query.andWhere(':skill = ANY(volunteer.skills)', { skill: filter.skill });
    if (filter.wijkId) query.andWhere('volunteer.wijkId = :wijkId', { wijkId: filter.wijkId });
    if (filter.vogValid !== undefined) {
      const oldest = await this.oldestValidVogDate();
      query.andWhere(
        filter.vogValid
          ? 'volunteer.vogIssuedOn >= :oldest'
          : '(volunteer.vogIssuedOn IS NULL OR volunteer.vogIssuedOn < :oldest)',
        { oldest },
      );
    }
    return paginate(query, page);
  }
}
