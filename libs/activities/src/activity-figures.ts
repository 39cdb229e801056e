import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MunicipalityService } from '@app/identity';
import { DataSource } from 'typeorm';
import { ActivityService } from './activity.service';
import { ActivityFiguresDto, WijkActivityFiguresDto } from './dto/participation.dto';

interface WijkRow {
  wijk_id: string | null;
  invited?: number;
  responded?: number;
  attending?: number;
  participants?: number;
  waitlisted?: number;
  declined?: number;
  attended?: number;
}

/** How an activity is doing: invited, responded, attending (companions counted), attended, by wijk. */
@Injectable()
export class ActivityFiguresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly activities: ActivityService,
    private readonly municipalities: MunicipalityService,
  ) {}

  async figures(activityId: string): Promise<ActivityFiguresDto> {
    const { activity } = await this.activities.get(activityId);
    const [invited, answers, attended, wijken] = await Promise.all([
      this.dataSource.query<WijkRow[]>(
        `SELECT wijk_id, count(*)::int AS invited FROM activity_invitation WHERE activity_id = $1 GROUP BY wijk_id`,
        [activity.id],
      ),
      this.dataSource.query<WijkRow[]>(
        `SELECT wijk_id,
                count(*) FILTER (WHERE joined_via = 'invitation' AND responded_at IS NOT NULL)::int AS responded,
                coalesce(sum(1 + companions) FILTER (WHERE status = 'attending'), 0)::int AS attending,
                count(*) FILTER (WHERE status = 'attending')::int AS participants,
                count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted,
                count(*) FILTER (WHERE status IN ('declined', 'cancelled'))::int AS declined
           FROM activity_participant WHERE activity_id = $1 GROUP BY wijk_id`,
        [activity.id],
      ),
      this.dataSource.query<WijkRow[]>(
        `SELECT p.wijk_id, count(DISTINCT a.participant_id)::int AS attended
           FROM activity_attendance a JOIN activity_participant p ON p.id = a.participant_id
          WHERE a.activity_id = $1 AND a.attended GROUP BY p.wijk_id`,
        [activity.id],
      ),
      this.municipalities.listWijken(),
    ]);
    const nameOf = new Map(wijken.map(({ wijk }) => [wijk.id, wijk.name]));
    const byWijk = new Map<string | null, Required<WijkRow>>();
    for (const row of [...invited, ...answers, ...attended]) {
      const current = byWijk.get(row.wijk_id) ?? {
        wijk_id: row.wijk_id,
        invited: 0,
        responded: 0,
        attending: 0,
        participants: 0,
        waitlisted: 0,
        declined: 0,
        attended: 0,
      };
      for (const key of [
        'invited',
        'responded',
        'attending',
        'participants',
        'waitlisted',
        'declined',
        'attended',
      ] as const)
        current[key] += row[key] ?? 0;
      byWijk.set(row.wijk_id, current);
    }
    const rows = [...byWijk.values()];
    const total = (key: keyof Omit<WijkRow, 'wijk_id'>) => rows.reduce((sum, row) => sum + row[key], 0);
    return {
      invited: total('invited'),
      responded: total('responded'),
      attending: total('attending'),
      participants: total('participants'),
      waitlisted: total('waitlisted'),
      declined: total('declined'),
      attended: total('attended'),
      capacity: activity.capacity,
      byWijk: rows
        .map((row): WijkActivityFiguresDto => ({
          wijkId: row.wijk_id,
          wijk: row.wijk_id ? (nameOf.get(row.wijk_id) ?? null) : null,
          invited: row.invited,
          responded: row.responded,
          attending: row.attending,
          attended: row.attended,
        }))
        .sort((a, b) => (a.wijk ?? '\uffff').localeCompare(b.wijk ?? '\uffff')),
    };
  }
}
