import { Injectable, OnModuleInit } from '@nestjs/common';
import { Language, LinkPage, LinkPageIntro, LinkPageOutcome, LinkPages, LinkTokens } from '@app/messaging';
import { DomainError } from '@app/platform';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BookingService } from './booking.service';
import { RespiteBooking } from './respite-booking.entity';
import { WAITLIST_OFFER_PURPOSE } from './respite-message-kinds';

const TEXT: Record<Language, { intro: LinkPageIntro; done: LinkPageOutcome; invalid: LinkPageOutcome }> = {
  nl: {
    intro: {
      title: 'Plaats aannemen',
      explanation: 'Er is een plaats voor u vrijgekomen. Druk op de knop om hem te boeken.',
      button: 'Ja, ik neem de plaats',
    },
    done: { ok: true, title: 'Geboekt', message: 'De plaats is van u. U krijgt een bevestiging per e-mail.' },
    invalid: {
      ok: false,
      title: 'Dit aanbod geldt niet meer',
      message: 'De plaats is verlopen of al vergeven. Kijk in het platform voor andere dagdelen.',
    },
  },
  en: {
    intro: {
      title: 'Take the place',
      explanation: 'A place has come free for you. Press the button to book it.',
      button: 'Yes, I take the place',
    },
    done: { ok: true, title: 'Booked', message: 'The place is yours. A confirmation follows by email.' },
    invalid: {
      ok: false,
      title: 'This offer no longer stands',
      message: 'The place has expired or gone to someone else. Look in the platform for other slots.',
    },
  },
};

/** The page behind a waiting-list offer: the place is booked only when the carer presses the button. */
@Injectable()
export class WaitlistOfferPage implements LinkPage, OnModuleInit {
  readonly path = 'waitlist-offer';

  constructor(
    private readonly pages: LinkPages,
    private readonly tokens: LinkTokens,
    private readonly bookings: BookingService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    const bookingId = this.tokens.verify(WAITLIST_OFFER_PURPOSE, token);
    const booking = bookingId ? await this.dataSource.getRepository(RespiteBooking).findOneBy({ id: bookingId }) : null;
    return booking?.status === 'offered' && booking.offerExpiresAt && booking.offerExpiresAt > new Date()
      ? TEXT[language].intro
      : TEXT[language].invalid;
  }

  async perform(token: string, _form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    const bookingId = this.tokens.verify(WAITLIST_OFFER_PURPOSE, token);
    if (!bookingId) return TEXT[language].invalid;
    try {
      await this.bookings.acceptOffer(bookingId);
      return TEXT[language].done;
    } catch (error) {
      if (error instanceof DomainError)
        return {
          ok: false,
          title: TEXT[language].invalid.title,
          message:
            error.code === 'RESPITE_BUDGET_EXCEEDED'
              ? language === 'en'
                ? 'Your respite budget for this year is used up.'
                : 'Uw respijtbudget voor dit jaar is op.'
              : TEXT[language].invalid.message,
        };
      throw error;
    }
  }
}
