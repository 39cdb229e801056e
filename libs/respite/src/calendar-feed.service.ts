import { Injectable } from '@nestjs/common';
import { CarerService } from '@app/carers';
import { calendarFile } from '@app/messaging';
import { AppConfig, NotFoundError } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RespiteCalendarFeed } from './calendar-feed.entity';

const PAST_DAYS_SHOWN = 90;
const SUMMARY = {
  nl: { booked: 'Respijtzorg', offered: 'Respijtzorg (plaats aangeboden)' },
  en: { booked: 'Respite care', offered: 'Respite care (place offered)' },
};

interface BookingRow {
  id: string;
  status: string;
  starts_at: Date;
  ends_at: Date;
  name: string;
  location: string | null;
  timezone: string;
  language: string;
}

const hashOf = (secret: string) => createHash('sha256').update(secret).digest();

/**
 * A secret iCalendar URL per carer listing their respite bookings, for any calendar app.
 * The secret is shown once; renewing it turns the old URL off, revoking turns the feed off.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carers: CarerService,
    private readonly config: AppConfig,
  ) {}

  async renew(): Promise<string> {
    const carer = await this.carers.mine();
    const secret = randomBytes(24).toString('base64url');
    await this.dataSource.query(
      `INSERT INTO respite_calendar_feed (municipality_id, carer_id, secret_hash) VALUES ($1, $2, $3)
       ON CONFLICT (carer_id) DO UPDATE SET secret_hash = EXCLUDED.secret_hash, updated_at = now()`,
      [carer.municipalityId, carer.id, hashOf(secret)],
    );
    return this.urlFor(secret);
  }

  async revoke(): Promise<void> {
    const carer = await this.carers.mine();
    await this.dataSource.getRepository(RespiteCalendarFeed).delete({ carerId: carer.id });
  }

  /** The feed behind a secret, as iCalendar text; unknown or revoked secrets are not found. */
  async render(secret: string): Promise<string> {
    const feed = await this.dataSource.getRepository(RespiteCalendarFeed).findOneBy({ secretHash: hashOf(secret) });
    if (!feed) throw new NotFoundError({ nl: 'De agendakoppeling', en: 'The calendar feed' });
    return this.file(
      await this.bookingRows(
        `b.carer_id = $1 AND b.status IN ('confirmed', 'offered', 'attended', 'no_show', 'cancelled')
           AND b.starts_at >= now() - make_interval(days => $2)`,
        [feed.carerId, PAST_DAYS_SHOWN],
      ),
    );
  }

  /** One of the acting carer's bookings as an iCalendar file, to add to any calendar. */
  async bookingFile(bookingId: string): Promise<string> {
    const carer = await this.carers.mine();
    const rows = await this.bookingRows('b.id = $1 AND b.carer_id = $2', [bookingId, carer.id]);
    if (rows.length === 0) throw new NotFoundError({ nl: 'De boeking', en: 'The booking' });
    return this.file(rows);
  }

  private bookingRows(where: string, parameters: unknown[]): Promise<BookingRow[]> {
    return this.dataSource.query<BookingRow[]>(
      `SELECT b.id, b.status, b.starts_at, b.ends_at, o.name, o.location, m.timezone, a.language
         FROM respite_booking b JOIN respite_slot s ON s.id = b.slot_id JOIN respite_offer o ON o.id = s.offer_id
         JOIN municipality m ON m.id = b.municipality_id JOIN account a ON a.id = b.account_id
        WHERE ${where}
        ORDER BY b.starts_at LIMIT 500`,
      parameters,
    );
  }

  private file(rows: BookingRow[]): string {
    const timezone = rows[0]?.timezone ?? 'Europe/Amsterdam';
    // Cancelled bookings stay in the feed as cancelled events, so calendars remove them.
    return calendarFile(
      rows.map((row) => ({
        uid: `respite-${row.id}`,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        summary: `${SUMMARY[row.language === 'en' ? 'en' : 'nl'][row.status === 'offered' ? 'offered' : 'booked']}: ${row.name}`,
        location: row.location ?? undefined,
        cancelled: row.status === 'cancelled',
      })),
      { name: 'Respijtzorg', timezone, method: 'publish' },
    );
  }

  private urlFor(secret: string): string {
    return `${this.config.http.baseUrl}/api/v1/calendar-feed.ics?key=${secret}`;
  }
}
