import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CarerCount, MonitorYear } from '@app/carers';
import { DataSource } from 'typeorm';

/** The activities part of the yearly monitor: carers who attended an event (Dag van de Mantelzorg and others). */
@Injectable()
export class ActivityMonitorFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async perCarer(period: MonitorYear): Promise<CarerCount[]> {
    const rows = await this.dataSource.query<Array<{ account_id: string }>>(
      `SELECT DISTINCT p.account_id
         FROM activity_attendance a
         JOIN activity_participant p ON p.id = a.participant_id
         JOIN activity_session s ON s.id = a.session_id
         JOIN activity act ON act.id = a.activity_id
        WHERE a.municipality_id = $1 AND a.attended AND act.kind = 'event' AND s.starts_at >= $2 AND s.starts_at < $3`,
      [period.municipalityId, period.start, period.end],
    );
    return rows.map((row) => ({ figure: 'event_attendance', accountId: row.account_id, value: 1 }));
  }
}
