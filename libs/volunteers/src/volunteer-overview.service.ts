import { Injectable } from '@nestjs/common';
import { MunicipalityService, today } from '@app/identity';
import { RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VolunteerService } from './volunteer.service';

/** Share of active volunteers with a valid VOG and dementia training that Landsmeer aims for. */
export const TRAINED_TARGET = 0.7;

export interface VolunteerOverview {
  openRequests: {
    total: number;
    waitingOver7Days: number;
    waitingOver30Days: number;
    oldestWaitingDays: number | null;
  };
  volunteers: {
    active: number;
    inactive: number;
    activeWithValidVog: number;
    activeWithDementiaTraining: number;
    activeTrainedWithValidVog: number;
  };
  /** activeTrainedWithValidVog / active, 0..1. */
  trainedShare: number;
  trainedTarget: number;
  /** Staff and admins (not disabled) with a valid dementia training, and their share. */
  staff: { active: number; withDementiaTraining: number; trainedShare: number };
}

/** The figures a steunpunt watches: requests waiting, and how many volunteers may and can help. */
@Injectable()
export class VolunteerOverviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly volunteers: VolunteerService,
    private readonly municipalities: MunicipalityService,
    private readonly context: RequestContext,
  ) {}

  async overview(): Promise<VolunteerOverview> {
    const municipalityId = this.context.municipalityId();
    const oldestVog = await this.volunteers.oldestValidVogDate();
    const day = today((await this.municipalities.current()).timezone);
    const [requests] = await this.dataSource.query<
      Array<{ total: number; over7: number; over30: number; oldest: number | null }>
    >(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE created_at < now() - interval '7 days')::int AS over7,
              count(*) FILTER (WHERE created_at < now() - interval '30 days')::int AS over30,
              floor(extract(epoch FROM now() - min(created_at)) / 86400)::int AS oldest
         FROM help_request WHERE municipality_id = $1 AND status = 'open'`,
      [municipalityId],
    );
    const [people] = await this.dataSource.query<
      Array<{ active: number; inactive: number; vog: number; trained: number; both: number }>
    >(
      `SELECT count(*) FILTER (WHERE v.status = 'active')::int AS active,
              count(*) FILTER (WHERE v.status = 'inactive')::int AS inactive,
              count(*) FILTER (WHERE v.status = 'active' AND v.vog_issued_on >= $2)::int AS vog,
              count(*) FILTER (WHERE v.status = 'active' AND trained.yes)::int AS trained,
              count(*) FILTER (WHERE v.status = 'active' AND trained.yes AND v.vog_issued_on >= $2)::int AS both
         FROM volunteer v
         CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM volunteer_training t WHERE t.volunteer_id = v.id AND t.kind = 'dementia' AND (t.valid_until IS NULL OR t.valid_until >= $3)) AS yes) trained
        WHERE v.municipality_id = $1`,
      [municipalityId, oldestVog, day],
    );
    const [staff] = await this.dataSource.query<Array<{ active: number; trained: number }>>(
      `SELECT count(*)::int AS active,
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM staff_training t WHERE t.account_id = a.id AND t.kind = 'dementia'
                                AND (t.valid_until IS NULL OR t.valid_until >= $2)))::int AS trained
         FROM account a WHERE a.municipality_id = $1 AND a.role IN ('staff', 'admin') AND a.disabled_at IS NULL`,
      [municipalityId, day],
    );
    return {
      staff: {
        active: staff.active,
        withDementiaTraining: staff.trained,
        trainedShare: staff.active ? Math.round((staff.trained / staff.active) * 1000) / 1000 : 0,
      },
      openRequests: {
        total: requests.total,
        waitingOver7Days: requests.over7,
        waitingOver30Days: requests.over30,
        oldestWaitingDays: requests.oldest,
      },
      volunteers: {
        active: people.active,
        inactive: people.inactive,
        activeWithValidVog: people.vog,
        activeWithDementiaTraining: people.trained,
        activeTrainedWithValidVog: people.both,
      },
      trainedShare: people.active ? Math.round((people.both / people.active) * 1000) / 1000 : 0,
      trainedTarget: TRAINED_TARGET,
    };
  }
}
