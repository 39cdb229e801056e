import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { HelpRequest } from './help-request.entity';
import { HelpRequestService } from './help-request.service';
import { VolunteerService } from './volunteer.service';

export interface Suggestion {
  volunteerId: string;
  firstName: string;
  lastName: string;
  wijkId: string | null;
  score: number;
  /** Why the score is what it is, one line per part. */
  reasons: string[];
}

/** Points per part of the score; the reasons repeat them so staff see how a rank came about. */
export const SCORE = {
  sameWijk: 3,
  neighbouringWijk: 1,
  language: 2,
  earlierMatchWithCarer: 2,
  perCurrentMatch: -1,
} as const;

interface CandidateRow {
  id: string;
  first_name: string;
  last_name: string;
  wijk_id: string | null;
  same_wijk: boolean;
  neighbouring_wijk: boolean;
  speaks_language: boolean;
  current: number;
  with_carer: number;
}

const ISO_WEEKDAY = (date: string) => DateTime.fromISO(date).weekday;

/**
 * Volunteers for a help request. Hard filters first, in the database: active, available at
 * every wanted dagdeel and not away on a wanted date, a VOG within the municipal maximum age,
 * every required skill, below their maximum of matches, and not having declined this request.
 * Then a score: same or bordering wijk, the wanted language, earlier matches with this carer, current load.
 */
@Injectable()
export class SuggestionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: HelpRequestService,
    private readonly volunteers: VolunteerService,
  ) {}

  /** `onlyVolunteerId` asks whether that one volunteer passes the hard filters (an empty list when not). */
  async suggest(requestId: string, limit = 20, onlyVolunteerId?: string): Promise<Suggestion[]> {
    const request = await this.requests.get(requestId);
    const carerWijk = (
      await this.dataSource.query<{ wijk_id: string | null }[]>('SELECT wijk_id FROM carer WHERE id = $1', [
        request.carerId,
      ])
    )[0]?.wijk_id;
    const oldestVog = await this.volunteers.oldestValidVogDate();
    const rows = await this.dataSource.query<CandidateRow[]>(
      `SELECT * FROM (
         SELECT v.id, v.first_name, v.last_name, v.wijk_id,
                (v.wijk_id IS NOT NULL AND v.wijk_id = $7) AS same_wijk,
                EXISTS (SELECT 1 FROM wijk_neighbour n WHERE n.wijk_id = $7 AND n.neighbour_id = v.wijk_id) AS neighbouring_wijk,
                ($8::text IS NOT NULL AND $8 = ANY(v.languages)) AS speaks_language,
                load.current, load.with_carer
           FROM volunteer v
           CROSS JOIN LATERAL (
             SELECT count(*) FILTER (WHERE m.status IN ('proposed', 'accepted'))::int AS current,
                    count(*) FILTER (WHERE m.carer_id = $9 AND m.status IN ('accepted', 'ended'))::int AS with_carer,
                    count(*) FILTER (WHERE m.help_request_id = $10 AND m.status = 'declined')::int AS declined
               FROM volunteer_match m WHERE m.volunteer_id = v.id) load
          WHERE v.municipality_id = $1 AND v.status = 'active' AND ($15::uuid IS NULL OR v.id = $15)
            AND v.availability @> $2::text[]
            AND v.vog_issued_on >= $3
            AND v.skills @> $4::text[]
            AND load.current < v.max_matches
            AND load.declined = 0
            AND NOT EXISTS (SELECT 1 FROM volunteer_absence a CROSS JOIN unnest($5::date[]) AS wanted(day)
                             WHERE a.volunteer_id = v.id AND wanted.day BETWEEN a.from_date AND a.to_date)) candidate
        ORDER BY (CASE WHEN same_wijk THEN $11 WHEN neighbouring_wijk THEN $16 ELSE 0 END + CASE WHEN speaks_language THEN $12 ELSE 0 END
                  + CASE WHEN with_carer > 0 THEN $13 ELSE 0 END + $14 * current) DESC, last_name, id
        LIMIT $6`,
      [
        request.municipalityId,
        this.neededAvailability(request),
        oldestVog,
        request.requiredSkills,
        request.wantedDates.map((wanted) => wanted.date),
        limit,
        carerWijk,
        request.language,
        request.carerId,
        request.id,
        SCORE.sameWijk,
        SCORE.language,
        SCORE.earlierMatchWithCarer,
        SCORE.perCurrentMatch,
        onlyVolunteerId ?? null,
        SCORE.neighbouringWijk,
      ],
    );
    return rows.map((row) => this.scored(row, request));
  }

  /** Every weekly dagdeel the request needs: its pattern and the weekdays of its dates. */
  private neededAvailability(request: HelpRequest): string[] {
    return [
      ...new Set([
        ...request.weeklyPattern,
        ...request.wantedDates.map((wanted) => `${ISO_WEEKDAY(wanted.date)}-${wanted.dagdeel}`),
      ]),
    ];
  }

  private scored(row: CandidateRow, request: HelpRequest): Suggestion {
    const reasons: string[] = [];
    let score = 0;
    if (row.same_wijk) {
      score += SCORE.sameWijk;
      reasons.push(`+${SCORE.sameWijk} lives in the carer's wijk`);
    } else if (row.neighbouring_wijk) {
      score += SCORE.neighbouringWijk;
      reasons.push(`+${SCORE.neighbouringWijk} lives in a wijk bordering the carer's`);
    }
    if (row.speaks_language) {
      score += SCORE.language;
      reasons.push(`+${SCORE.language} speaks ${request.language}`);
    }
    if (row.with_carer > 0) {
      score += SCORE.earlierMatchWithCarer;
      reasons.push(`+${SCORE.earlierMatchWithCarer} helped this carer before`);
    }
    if (row.current > 0) {
      score += SCORE.perCurrentMatch * row.current;
      reasons.push(
        `${SCORE.perCurrentMatch * row.current} already has ${row.current} match${row.current === 1 ? '' : 'es'}`,
      );
    }
    if (reasons.length === 0) reasons.push('0 meets every requirement, no preference applies');
    return {
      volunteerId: row.id,
      firstName: row.first_name,
      lastName: row.last_name,
      wijkId: row.wijk_id,
      score,
      reasons,
    };
  }
}
