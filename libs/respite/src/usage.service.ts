import { Injectable } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import { DomainError, InjectMunicipalityScoped, MunicipalityScopedRepository, NotFoundError } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProviderScope } from './provider-scope';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { budgetUsed } from './budget-ledger';
import { RespiteOffer } from './respite-offer.entity';

export interface BudgetStatement {
  year: number;
  unit: 'dagdelen' | 'hours';
  perYear: number;
  used: number;
  left: number;
}

export interface Occupancy {
  slots: number;
  capacity: number;
  booked: number;
  waitlisted: number;
  attended: number;
  noShows: number;
  lateCancellations: number;
  /** Booked places as a share of capacity, 0..1. */
  occupancyRate: number;
}

/** How much respite a carer used this year, and how full an offer's slots were. */
@Injectable()
export class RespiteUsageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(RespiteOffer)
    private readonly offers: MunicipalityScopedRepository<RespiteOffer>,
    private readonly municipalities: MunicipalityService,
    private readonly providers: ProviderScope,
  ) {}

  async budgetOf(carerId: string, year?: number): Promise<BudgetStatement> {
    const { settings, timezone } = await this.municipalities.current();
    const statementYear = year ?? DateTime.now().setZone(timezone).year;
    const used = await budgetUsed(this.dataSource.manager, carerId, statementYear);
    const { unit, perYear } = settings.respiteBudget;
    return { year: statementYear, unit, perYear, used, left: Math.max(perYear - used, 0) };
  }

  /** Figures over the offer's slots starting in [from, to); cancelled slots left out. */
  async occupancy(offerId: string, from: Date, to: Date): Promise<Occupancy> {
    if (!(to > from))
      throw new DomainError(
        'VALIDATION_FAILED',
        400,
        { nl: 'to moet later zijn dan from.', en: 'to must be after from.' },
        [{ field: 'to', message: 'to must be after from' }],
      );
    if (!(await this.offers.findOne({ id: offerId }))) throw new NotFoundError({ nl: 'Het aanbod', en: 'The offer' });
    await this.providers.assertOffer(offerId);
    const [row] = await this.dataSource.query<Array<Record<string, number>>>(
      `SELECT count(*)::int AS slots, coalesce(sum(s.capacity), 0)::int AS capacity, coalesce(sum(s.booked), 0)::int AS booked,
              coalesce(sum(b.waitlisted), 0)::int AS waitlisted, coalesce(sum(b.attended), 0)::int AS attended,
              coalesce(sum(b.no_shows), 0)::int AS no_shows, coalesce(sum(b.late), 0)::int AS late
         FROM respite_slot s
         LEFT JOIN LATERAL (
           SELECT count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted, count(*) FILTER (WHERE status = 'attended') AS attended,
                  count(*) FILTER (WHERE status = 'no_show') AS no_shows, count(*) FILTER (WHERE late_cancellation) AS late
             FROM respite_booking WHERE slot_id = s.id) b ON TRUE
        WHERE s.offer_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 AND s.cancelled_at IS NULL`,
      [offerId, from, to],
    );
    const figures = row;
    // booked counts places still held; attended and no-show bookings keep holding theirs.
    return {
      slots: figures.slots,
      capacity: figures.capacity,
      booked: figures.booked,
      waitlisted: figures.waitlisted,
      attended: figures.attended,
      noShows: figures.no_shows,
      lateCancellations: figures.late,
      occupancyRate: figures.capacity ? Math.round((figures.booked / figures.capacity) * 1000) / 1000 : 0,
    };
  }
}
