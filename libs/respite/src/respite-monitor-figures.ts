import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CarerCount, MonitorCount, MonitorYear } from '@app/carers';
import { DataSource } from 'typeorm';

/** The respite part of the yearly monitor: booked and used per carer, and places offered and taken per offer's wijk. */
@Injectable()
export class RespiteMonitorFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async perCarer(period: MonitorYear): Promise<CarerCount[]> {
    const rows = await this.dataSource.query<Array<{ carer_id: string; booked: number; used: number }>>(
      `SELECT carer_id, count(*) FILTER (WHERE status IN ('confirmed', 'attended', 'no_show'))::int AS booked, count(*) FILTER (WHERE status = 'attended')::int AS used
         FROM respite_booking WHERE municipality_id = $1 AND starts_at >= $2 AND starts_at < $3 GROUP BY carer_id`,
      [period.municipalityId, period.start, period.end],
    );
    return rows.flatMap((row) => [
      { figure: 'respite_booked', carerId: row.carer_id, value: row.booked },
      { figure: 'respite_used', carerId: row.carer_id, value: row.used },
    ]);
  }

  /** Occupancy as places offered and taken, by the wijk of the offer; counts of places, not of people. */
  async places(period: MonitorYear): Promise<MonitorCount[]> {
    const rows = await this.dataSource.query<Array<{ wijk_id: string | null; offered: number; taken: number }>>(
      `SELECT o.wijk_id, sum(s.capacity)::int AS offered, sum(s.booked)::int AS taken
         FROM respite_slot s JOIN respite_offer o ON o.id = s.offer_id
        WHERE s.municipality_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 AND s.cancelled_at IS NULL
        GROUP BY o.wijk_id`,
      [period.municipalityId, period.start, period.end],
    );
    return rows.flatMap((row) => [
      { figure: 'respite_places_offered', wijkId: row.wijk_id, ageBand: null, value: row.offered },
      { figure: 'respite_places_taken', wijkId: row.wijk_id, ageBand: null, value: row.taken },
    ]);
  }
}
