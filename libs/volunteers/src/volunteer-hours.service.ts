import { Injectable } from '@nestjs/common';
import { MunicipalityService, today } from '@app/identity';
import { DomainError, NotFoundError, RequestContext } from '@app/platform';
import { DateInFutureError } from '@app/carers';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VolunteerHours } from './volunteer-hours.entity';
import { VolunteerService } from './volunteer.service';

export interface HoursPerMatch {
  matchId: string;
  helpRequestId: string;
  volunteerId: string;
  kind: string;
  status: string;
  hours: number;
}

export interface HoursPerMonth {
  /** YYYY-MM */
  month: string;
  hours: number;
}

export interface HoursSummary {
  totalHours: number;
  perMatch: HoursPerMatch[];
  perMonth: HoursPerMonth[];
  /** The latest entries, newest first. */
  entries: VolunteerHours[];
}

/** Whose hours a summary adds up: one volunteer's, or those spent on one help request. */
export type HoursScope = { volunteerId: string } | { helpRequestId: string };

const LATEST_ENTRIES = 100;

/** Hours as volunteers logged them, added up per match and per month; staff may correct an entry. */
@Injectable()
export class VolunteerHoursService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerService,
    private readonly municipalities: MunicipalityService,
    private readonly context: RequestContext,
  ) {}

  async mine(): Promise<HoursSummary> {
    return this.summary({ volunteerId: (await this.volunteers.mine()).id });
  }

  async summary(scope: HoursScope): Promise<HoursSummary> {
    const municipalityId = this.context.municipalityId();
    const [column, id] =
      'volunteerId' in scope ? ['volunteer_id', scope.volunteerId] : ['help_request_id', scope.helpRequestId];
    const [perMatch, perMonth, entries] = await Promise.all([
      this.dataSource.query<HoursPerMatch[]>(
        `SELECT m.id AS "matchId", m.help_request_id AS "helpRequestId", m.volunteer_id AS "volunteerId",
                r.kind, m.status, COALESCE(SUM(h.hours), 0)::float8 AS hours
           FROM volunteer_match m
           JOIN help_request r ON r.id = m.help_request_id
           LEFT JOIN volunteer_hours h ON h.match_id = m.id
          WHERE m.${column} = $1 AND m.municipality_id = $2 AND m.status IN ('accepted', 'ended')
          GROUP BY m.id, r.kind
          ORDER BY MIN(m.created_at) DESC`,
        [id, municipalityId],
      ),
      this.dataSource.query<HoursPerMonth[]>(
        `SELECT to_char(h.worked_on, 'YYYY-MM') AS month, SUM(h.hours)::float8 AS hours
           FROM volunteer_hours h JOIN volunteer_match m ON m.id = h.match_id
          WHERE m.${column} = $1 AND h.municipality_id = $2
          GROUP BY 1 ORDER BY 1 DESC`,
        [id, municipalityId],
      ),
      this.dataSource
        .getRepository(VolunteerHours)
        .createQueryBuilder('entry')
        .innerJoin('entry.match', 'match')
        .where(`match.${'volunteerId' in scope ? 'volunteerId' : 'helpRequestId'} = :id`, { id })
        .andWhere('entry.municipalityId = :municipalityId', { municipalityId })
        .orderBy('entry.workedOn', 'DESC')
        .addOrderBy('entry.createdAt', 'DESC')
        .limit(LATEST_ENTRIES)
        .getMany(),
    ]);
    return {
      totalHours: perMonth.reduce((sum, month) => sum + month.hours, 0),
      perMatch,
      perMonth,
      entries,
    };
  }

  /**
   * Staff set an entry right (a typing error, a wrong day); the entry keeps who corrected it.
   * A page that names the volunteer passes their id, so an entry of someone else is not found.
   */
  async correct(
    hoursId: string,
    change: { workedOn?: string; hours?: number },
    volunteerId?: string,
  ): Promise<VolunteerHours> {
    if (change.workedOn === undefined && change.hours === undefined)
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        { nl: 'Geef workedOn of hours.', en: 'Give workedOn or hours.' },
        [{ field: 'hours', message: 'give workedOn or hours' }],
      );
    const repository = this.dataSource.getRepository(VolunteerHours);
    const entry = await repository.findOneBy({
      id: hoursId,
      municipalityId: this.context.municipalityId(),
      ...(volunteerId ? { volunteerId } : {}),
    });
    if (!entry) throw new NotFoundError({ nl: 'De urenregel', en: 'The hours entry' });
    if (change.workedOn && change.workedOn > today((await this.municipalities.current()).timezone))
      throw new DateInFutureError('workedOn');
    if (change.workedOn) entry.workedOn = change.workedOn;
    if (change.hours !== undefined) entry.hours = change.hours;
    entry.correctedBy = this.context.actor().id;
    entry.correctedAt = new Date();
    return repository.save(entry);
  }
}
