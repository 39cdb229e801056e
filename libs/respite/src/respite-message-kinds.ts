import { Injectable, OnModuleInit } from '@nestjs/common';
import { calendarFile, LinkTokens, MessageKinds, renderLinkMessage, RenderedMail, RenderInput } from '@app/messaging';
import { MunicipalityService } from '@app/identity';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { RespiteBooking } from './respite-booking.entity';
import { RespiteOffer } from './respite-offer.entity';
import { RespiteSlot } from './respite-slot.entity';

export const RESPITE_MESSAGES = {
  confirmed: 'respite_booking_confirmed',
  reminder: 'respite_reminder',
  waitlistOffer: 'respite_waitlist_offer',
  slotCancelled: 'respite_slot_cancelled',
  bookingCancelled: 'respite_booking_cancelled',
} as const;

export const WAITLIST_OFFER_PURPOSE = 'respite-offer';

/** Booking confirmation and reminders (with an .ics file) and the waiting-list offer. */
@Injectable()
export class RespiteMessageKinds implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    private readonly tokens: LinkTokens,
    private readonly municipalities: MunicipalityService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.kinds.register({
      kind: RESPITE_MESSAGES.confirmed,
      category: 'transactional',
      render: (input) => this.bookingMail(input, 'confirmed'),
    });
    this.kinds.register({
      kind: RESPITE_MESSAGES.reminder,
      category: 'transactional',
      render: (input) => this.bookingMail(input, 'reminder'),
    });
    this.kinds.register({
      kind: RESPITE_MESSAGES.slotCancelled,
      category: 'transactional',
      render: (input) => this.slotCancelledMail(input),
    });
    this.kinds.register({
      kind: RESPITE_MESSAGES.bookingCancelled,
      category: 'transactional',
      render: (input) => this.bookingCancelledMail(input),
    });
    this.kinds.register({
      kind: RESPITE_MESSAGES.waitlistOffer,
      category: 'transactional',
      render: (input) => this.offerMail(input),
    });
  }

  private async details(bookingId: string) {
    const booking = await this.dataSource.getRepository(RespiteBooking).findOneByOrFail({ id: bookingId });
    const slot = await this.dataSource.getRepository(RespiteSlot).findOneByOrFail({ id: booking.slotId });
    const offer = await this.dataSource.getRepository(RespiteOffer).findOneByOrFail({ id: slot.offerId });
    const { timezone } = await this.municipalities.byId(booking.municipalityId);
    return { booking, slot, offer, timezone };
  }

  private when(slot: RespiteSlot, timezone: string, language: 'nl' | 'en'): string {
    const start = DateTime.fromJSDate(slot.startsAt)
      .setZone(timezone)
      .setLocale(language === 'en' ? 'en-GB' : 'nl');
    const end = DateTime.fromJSDate(slot.endsAt).setZone(timezone);
    return `${start.toFormat('cccc d MMMM yyyy, HH:mm')}-${end.toFormat('HH:mm')}`;
  }

  private async bookingMail(input: RenderInput, kind: 'confirmed' | 'reminder'): Promise<RenderedMail> {
    const { booking, slot, offer, timezone } = await this.details(String(input.params.bookingId));
    const when = this.when(slot, timezone, input.language);
    const place = [offer.name, offer.location].filter(Boolean).join(', ');
    const ics = calendarFile(
      [
        {
          uid: `respite-${booking.id}`,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          summary: input.language === 'en' ? `Respite: ${offer.name}` : `Respijtzorg: ${offer.name}`,
          location: offer.location ?? undefined,
          sequence: booking.sequence,
        },
      ],
      { name: 'Respijtzorg', timezone, method: 'request' },
    );
    const nl =
      kind === 'confirmed'
        ? { subject: 'Uw respijtzorg is geboekt', lead: 'Uw boeking is bevestigd.' }
        : { subject: 'Herinnering: respijtzorg', lead: 'Een herinnering aan uw respijtzorg.' };
    const en =
      kind === 'confirmed'
        ? { subject: 'Your respite care is booked', lead: 'Your booking is confirmed.' }
        : { subject: 'Reminder: respite care', lead: 'A reminder of your respite care.' };
    const text = input.language === 'en' ? en : nl;
    const rendered = renderLinkMessage(input.language, {
      subject: text.subject,
      paragraphs: [
        text.lead,
        `${when}`,
        place,
        input.language === 'en'
          ? 'The attached file puts it in your calendar.'
          : 'Met het bijgevoegde bestand zet u het in uw agenda.',
      ],
      footer: input.senderName,
    });
    return {
      ...rendered,
      attachments: [
        { filename: 'respijtzorg.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics },
      ],
    };
  }

  /** The slot was called off by its provider. */
  private slotCancelledMail(input: RenderInput): Promise<RenderedMail> {
    return this.cancellationMail(input, ({ offer, when, en }) => ({
      subject: en ? 'Your respite care cannot go ahead' : 'Uw respijtzorg gaat niet door',
      paragraphs: en
        ? [
            `${offer.name} has had to cancel: ${when}.`,
            'This does not count against your respite budget. You can book another moment on the platform.',
          ]
        : [
            `${offer.name} heeft moeten afzeggen: ${when}.`,
            'Dit telt niet mee voor uw respijtbudget. Op het platform kunt u een ander moment boeken.',
          ],
    }));
  }

  /** The booking was cancelled, by the carer or the steunpunt. */
  private bookingCancelledMail(input: RenderInput): Promise<RenderedMail> {
    return this.cancellationMail(input, ({ booking, offer, when, en }) => {
      const budget = booking.lateCancellation
        ? en
          ? 'It was cancelled shortly before the start, so it still counts against your respite budget.'
          : 'De afzegging was kort voor het begin; daarom telt deze boeking toch mee voor uw respijtbudget.'
        : en
          ? 'It no longer counts against your respite budget.'
          : 'Deze boeking telt niet meer mee voor uw respijtbudget.';
      return {
        subject: en ? 'Your respite care is cancelled' : 'Uw respijtzorg is geannuleerd',
        paragraphs: [
          en
            ? `Your booking at ${offer.name} is cancelled: ${when}.`
            : `Uw boeking bij ${offer.name} is geannuleerd: ${when}.`,
          budget,
          en
            ? 'The attached file takes it out of your calendar.'
            : 'Met het bijgevoegde bestand haalt u het uit uw agenda.',
        ],
      };
    });
  }

  /** A mail whose attached cancellation (same UID, the booking's sequence) takes the booking out of the calendar. */
  private async cancellationMail(
    input: RenderInput,
    text: (facts: { booking: RespiteBooking; offer: RespiteOffer; when: string; en: boolean }) => {
      subject: string;
      paragraphs: string[];
    },
  ): Promise<RenderedMail> {
    const { booking, slot, offer, timezone } = await this.details(String(input.params.bookingId));
    const en = input.language === 'en';
    const ics = calendarFile(
      [
        {
          uid: `respite-${booking.id}`,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          summary: `${en ? 'Respite' : 'Respijtzorg'}: ${offer.name}`,
          sequence: booking.sequence,
          cancelled: true,
        },
      ],
      { name: 'Respijtzorg', timezone, method: 'cancel' },
    );
    const rendered = renderLinkMessage(input.language, {
      ...text({ booking, offer, when: this.when(slot, timezone, input.language), en }),
      footer: input.senderName,
    });
    return {
      ...rendered,
      attachments: [
        { filename: 'respijtzorg.ics', contentType: 'text/calendar; charset=utf-8; method=CANCEL', content: ics },
      ],
    };
  }

  private async offerMail(input: RenderInput): Promise<RenderedMail> {
    const { booking, slot, offer, timezone } = await this.details(String(input.params.bookingId));
    const hours = Number(input.params.holdHours ?? 24);
    const token = this.tokens.sign(WAITLIST_OFFER_PURPOSE, booking.id, hours * 3600);
    const when = this.when(slot, timezone, input.language);
    return input.language === 'en'
      ? renderLinkMessage('en', {
          subject: 'A place has come free for you',
          paragraphs: [`A place in ${offer.name} came free: ${when}.`, `It is kept for you for ${hours} hours.`],
          action: 'Take the place',
          link: input.link('waitlist-offer', token),
          footer: input.senderName,
        })
      : renderLinkMessage('nl', {
          subject: 'Er is een plaats vrijgekomen',
          paragraphs: [
            `Er is een plaats vrijgekomen bij ${offer.name}: ${when}.`,
            `We houden hem ${hours} uur voor u vast.`,
          ],
          action: 'Plaats aannemen',
          link: input.link('waitlist-offer', token),
          footer: input.senderName,
        });
  }
}
