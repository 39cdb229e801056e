import { Injectable, OnModuleInit } from '@nestjs/common';
import { Language, LinkPage, LinkPageIntro, LinkPageOutcome, LinkPages } from '@app/messaging';
import { DomainError } from '@app/platform';
import { ParticipationService } from './participation.service';
import { RESIDENT_WITHDRAW_PURPOSE } from './resident-message-kinds';
import { ResidentSignups } from './resident-signups';

const CONFIRM: Record<Language, { intro: LinkPageIntro; invalid: LinkPageOutcome; closed: LinkPageOutcome }> = {
  nl: {
    intro: {
      title: 'Aanmelding bevestigen',
      explanation: 'Druk op de knop om uw aanmelding te bevestigen.',
      button: 'Ja, meld mij aan',
    },
    invalid: {
      ok: false,
      title: 'Deze link werkt niet meer',
      message: 'De link is verlopen of al gebruikt. Meld u opnieuw aan als u nog wilt komen.',
    },
    closed: { ok: false, title: 'Aanmelden kan niet meer', message: 'Aanmelden voor deze activiteit is gesloten.' },
  },
  en: {
    intro: {
      title: 'Confirm your sign-up',
      explanation: 'Press the button to confirm your sign-up.',
      button: 'Yes, sign me up',
    },
    invalid: {
      ok: false,
      title: 'This link no longer works',
      message: 'The link has expired or was used already. Sign up again if you still want to come.',
    },
    closed: { ok: false, title: 'Signing up has closed', message: 'Signing up for this activity has closed.' },
  },
};

const OUTCOME: Record<Language, Record<'attending' | 'waitlisted', LinkPageOutcome>> = {
  nl: {
    attending: {
      ok: true,
      title: 'U bent aangemeld',
      message: 'Er is een plaats voor u. De bevestiging volgt per e-mail.',
    },
    waitlisted: {
      ok: true,
      title: 'U staat op de wachtlijst',
      message: 'Het is vol. Komt er een plaats vrij, dan mailen we u meteen.',
    },
  },
  en: {
    attending: {
      ok: true,
      title: 'You are registered',
      message: 'There is a place for you. A confirmation follows by email.',
    },
    waitlisted: {
      ok: true,
      title: 'You are on the waiting list',
      message: 'It is full. If a place comes free, we will email you at once.',
    },
  },
};

/** The page behind a resident's confirmation link: the sign-up happens only when they press the button. */
@Injectable()
export class ResidentSignUpPage implements LinkPage, OnModuleInit {
  readonly path = 'activity-sign-up';

  constructor(
    private readonly pages: LinkPages,
    private readonly signups: ResidentSignups,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    return (await this.signups.requestByToken(token)) ? CONFIRM[language].intro : CONFIRM[language].invalid;
  }

  async perform(token: string, _form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    try {
      const participant = await this.signups.confirm(token);
      return participant.status === 'waitlisted' ? OUTCOME[language].waitlisted : OUTCOME[language].attending;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return error.status === 400 ? CONFIRM[language].invalid : CONFIRM[language].closed;
    }
  }
}

const WITHDRAW: Record<Language, { intro: LinkPageIntro; done: LinkPageOutcome; invalid: LinkPageOutcome }> = {
  nl: {
    intro: {
      title: 'Afmelden',
      explanation: 'Kunt u toch niet komen? Druk op de knop om u af te melden.',
      button: 'Afmelden',
    },
    done: { ok: true, title: 'U bent afgemeld', message: 'Uw plaats gaat naar wie op de wachtlijst staat.' },
    invalid: {
      ok: false,
      title: 'Afmelden kan niet meer',
      message: 'De link is verlopen of de activiteit is al begonnen.',
    },
  },
  en: {
    intro: {
      title: 'Withdraw',
      explanation: 'Cannot come after all? Press the button to withdraw.',
      button: 'Withdraw',
    },
    done: { ok: true, title: 'You have withdrawn', message: 'Your place goes to whoever is waiting.' },
    invalid: {
      ok: false,
      title: 'Withdrawing is no longer possible',
      message: 'The link has expired or the activity has started.',
    },
  },
};

/** The page behind the withdraw link in a resident's confirmation. */
@Injectable()
export class ResidentWithdrawPage implements LinkPage, OnModuleInit {
  readonly path = 'activity-withdraw';

  constructor(
    private readonly pages: LinkPages,
    private readonly participation: ParticipationService,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    const participant = await this.participation.participantByToken(RESIDENT_WITHDRAW_PURPOSE, token);
    if (!participant?.residentEmail) return WITHDRAW[language].invalid;
    return participant.status === 'cancelled' || participant.status === 'declined'
      ? WITHDRAW[language].done
      : WITHDRAW[language].intro;
  }

  async perform(token: string, _form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    try {
      await this.participation.withdrawResident(token);
      return WITHDRAW[language].done;
    } catch (error) {
      if (error instanceof DomainError) return WITHDRAW[language].invalid;
      throw error;
    }
  }
}
