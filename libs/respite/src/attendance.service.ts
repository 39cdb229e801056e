import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError, RequestContext } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProviderScope } from './provider-scope';
import { DataSource } from 'typeorm';
import { RespiteBooking } from './respite-booking.entity';

export type AttendanceOutcome = 'attended' | 'no_show';

/**
 * After a slot has begun, staff of the carer's municipality or of the offer's record whether the
 * carer came. A no-show shows in figures and to staff; it never costs the carer anything by itself.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly context: RequestContext,
    private readonly providers: ProviderScope,
  ) {}

  async record(bookingId: string, outcome: AttendanceOutcome): Promise<RespiteBooking> {
    await this.providers.assertBooking(bookingId);
    const municipalityId = this.context.municipalityId();
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<Array<{ id: string }>>(
        `SELECT b.id FROM respite_booking b JOIN respite_slot s ON s.id = b.slot_id
          WHERE b.id = $1 AND (b.municipality_id = $2 OR s.municipality_id = $2) FOR UPDATE OF b`,
        [bookingId, municipalityId],
      );
      if (!row) throw new NotFoundError({ nl: 'De boeking', en: 'The booking' });
      const booking = await manager.getRepository(RespiteBooking).findOneByOrFail({ id: row.id });
      if (!['confirmed', 'attended', 'no_show'].includes(booking.status)) {
        throw new ConflictError('BOOKING_NOT_ATTENDABLE', {
          nl: 'Alleen bij een bevestigde boeking kan aanwezigheid worden vastgelegd.',
          en: 'Only a confirmed booking gets an attendance record.',
        });
      }
      if (booking.startsAt > new Date())
        throw new ConflictError('SLOT_NOT_STARTED', {
          nl: 'Aanwezigheid kan worden vastgelegd zodra het tijdvak begonnen is.',
          en: 'Attendance can be recorded once the slot has begun.',
        });
      Object.assign(booking, {
        status: outcome,
        attendanceRecordedAt: new Date(),
        attendanceRecordedBy: this.context.actor().id,
      });
      return manager.getRepository(RespiteBooking).save(booking);
    });
  }
}
