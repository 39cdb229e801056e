import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CarerCount, MonitorYear } from '@app/carers';
import { DataSource } from 'typeorm';

/** The appreciation part of the yearly monitor: vouchers issued in the year, and of those, redeemed. */
@Injectable()
export class AppreciationMonitorFigures {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async perCarer(period: MonitorYear): Promise<CarerCount[]> {
    const rows = await this.dataSource.query<Array<{ carer_id: string; issued: number; redeemed: number }>>(
      `SELECT v.carer_id, count(*)::int AS issued, count(*) FILTER (WHERE v.balance_cents < v.value_cents)::int AS redeemed
         FROM voucher v WHERE v.municipality_id = $1 AND v.created_at >= $2 AND v.created_at < $3 AND v.carer_id IS NOT NULL GROUP BY v.carer_id`,
      [period.municipalityId, period.start, period.end],
    );
    return rows.flatMap((row) => [
      { figure: 'vouchers_issued', carerId: row.carer_id, value: row.issued },
      { figure: 'vouchers_redeemed', carerId: row.carer_id, value: row.redeemed },
    ]);
  }
}
