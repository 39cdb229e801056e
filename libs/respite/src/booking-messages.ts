import { Injectable } from '@nestjs/common';
import { Account, MunicipalitySettings, RecipientAccount, recipientOf } from '@app/identity';
import { MessageService, NewMessage } from '@app/messaging';
import { EntityManager } from 'typeorm';
import { RespiteBooking } from './respite-booking.entity';
import { RESPITE_MESSAGES } from './respite-message-kinds';

/**
 * The mail a booking causes, queued in the booking's own transaction. Dedupe keys carry the
 * booking's sequence, raised with every move: each real change sends its confirmation and
 * reminders (a booking moved back to its first slot too), a retry of the same change never does.
 */
@Injectable()
export class BookingMessages {
  constructor(private readonly messages: MessageService) {}

  /** `account` when the caller has just read it, saving the read here. */
  async confirmAndRemind(
    manager: EntityManager,
    booking: RespiteBooking,
    settings: MunicipalitySettings,
    account?: RecipientAccount,
  ): Promise<void> {
    const recipient = account ?? (await this.accountOf(manager, booking));
    if (!recipient) return;
    const at = booking.startsAt.getTime();
    const version = `${booking.id}.${booking.sequence}`;
    const messages = [this.message(recipient, booking, RESPITE_MESSAGES.confirmed, `respite-confirmed.${version}`, {})];
    for (const hours of settings.reminderOffsetsHours) {
      const runAt = new Date(at - hours * 3_600_000);
      if (runAt.getTime() <= Date.now()) continue;
      messages.push(
        this.message(
          recipient,
          booking,
          RESPITE_MESSAGES.reminder,
          `respite-reminder.${version}.${hours}h`,
          { hoursBefore: hours },
          runAt,
        ),
      );
    }
    await this.messages.queueMany(manager, messages);
  }

  /** Reminders not yet sent never go out. */
  dropReminders(manager: EntityManager, bookingId: string): Promise<number> {
    return this.messages.cancelByDedupePrefix(manager, `respite-reminder.${bookingId}.`);
  }

  async waitlistOffer(
    manager: EntityManager,
    booking: RespiteBooking,
    expiresAt: Date,
    holdHours: number,
  ): Promise<void> {
    const account = await this.accountOf(manager, booking);
    if (account)
      await this.tell(
        manager,
        account,
        booking,
        RESPITE_MESSAGES.waitlistOffer,
        `respite-offer.${booking.id}.${expiresAt.getTime()}`,
        { holdHours },
      );
  }

  /** The booking was cancelled (by the carer or the steunpunt): the attached cancellation takes it out of the calendar. */
  async bookingCancelled(manager: EntityManager, booking: RespiteBooking): Promise<void> {
    const account = await this.accountOf(manager, booking);
    if (account)
      await this.tell(
        manager,
        account,
        booking,
        RESPITE_MESSAGES.bookingCancelled,
        `respite-cancelled.${booking.id}`,
        {},
      );
  }

  async slotCancelled(manager: EntityManager, booking: RespiteBooking): Promise<void> {
    const account = await this.accountOf(manager, booking);
    if (account)
      await this.tell(
        manager,
        account,
        booking,
        RESPITE_MESSAGES.slotCancelled,
        `respite-slot-cancelled.${booking.id}`,
        {},
      );
  }

  /** Through the transaction's own connection: a second pool connection here could starve the pool under load. */
  private accountOf(manager: EntityManager, booking: RespiteBooking): Promise<Account | null> {
    return manager.getRepository(Account).findOneBy({ id: booking.accountId });
  }

  private async tell(
    manager: EntityManager,
    account: Account,
    booking: RespiteBooking,
    kind: string,
    dedupeKey: string,
    params: Record<string, unknown>,
  ): Promise<void> {
    await this.messages.queue(manager, this.message(account, booking, kind, dedupeKey, params));
  }

  private message(
    account: RecipientAccount,
    booking: RespiteBooking,
    kind: string,
    dedupeKey: string,
    params: Record<string, unknown>,
    runAt?: Date,
  ): NewMessage {
    return {
      recipient: recipientOf(account),
      kind,
      params: { bookingId: booking.id, ...params },
      dedupeKey,
      runAt,
    };
  }
}
