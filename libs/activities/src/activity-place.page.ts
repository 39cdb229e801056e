import { Injectable, OnModuleInit } from '@nestjs/common';
import { Language, LinkPage, LinkPageIntro, LinkPageOutcome, LinkPages } from '@app/messaging';
import { DomainError } from '@app/platform';
import { PLACE_OFFER_PURPOSE } from './activity-message-kinds';
import { ParticipationService } from './participation.service';

const TEXT: Record<Language, { intro: LinkPageIntro; done: LinkPageOutcome; invalid: LinkPageOutcome }> = {
  nl: {
    intro: {
      title: 'Plaats aannemen',
      explanation: 'Er is een plaats voor u vrijgekomen. Druk op de knop om hem aan te nemen.',
      button: 'Ja, ik kom',
    },
    done: { ok: true, title: 'U bent aangemeld', message: 'De plaats is van u. U krijgt een bevestiging per e-mail.' },
    invalid: { ok: false, title: 'Dit aanbod geldt niet meer', message: 'De plaats is verlopen of al vergeven.' },
  },
  en: {
    intro: {
      title: 'Take the place',
      explanation: 'A place has come free for you. Press the button to take it.',
      button: 'Yes, I will come',
    },
    done: { ok: true, title: 'You are registered', message: 'The place is yours. A confirmation follows by email.' },
    invalid: {
      ok: false,
      title: 'This offer no longer stands',
      message: 'The place has expired or gone to someone else.',
    },
  },
};

/** The page behind a held place from the waiting list: it is taken only when the person presses the button. */
@Injectable()
export class ActivityPlacePage implements LinkPage, OnModuleInit {
  readonly path = 'activity-place';

  constructor(
    private readonly pages: LinkPages,
    private readonly participation: ParticipationService,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    const participant = await this.participation.participantByToken(PLACE_OFFER_PURPOSE, token);
    return participant?.status === 'offered' && participant.offerExpiresAt && participant.offerExpiresAt > new Date()
      ? TEXT[language].intro
      : TEXT[language].invalid;
  }

  async perform(token: string, _form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    try {
      await this.participation.acceptOffer(token);
      return TEXT[language].done;
    } catch (error) {
      if (error instanceof DomainError) return TEXT[language].invalid;
      throw error;
    }
  }
}
