import { Injectable, OnModuleInit } from '@nestjs/common';
import { Language, LinkPage, LinkPageIntro, LinkPageOutcome, LinkPages } from '@app/messaging';
import { REFERRAL_CONSENT_PURPOSE } from './intake-message-kinds';
import { ReferralService } from './referral.service';

const TEXT: Record<Language, { intro: LinkPageIntro; done: LinkPageOutcome; invalid: LinkPageOutcome }> = {
  nl: {
    intro: {
      title: 'Contact met het mantelzorgsteunpunt',
      explanation:
        'Druk op de knop als u het goed vindt dat het steunpunt contact met u opneemt. Doet u niets, dan worden uw gegevens binnen twee weken verwijderd.',
      button: 'Ja, neem contact met mij op',
    },
    done: {
      ok: true,
      title: 'Dank u wel',
      message: 'Het steunpunt neemt binnen een paar werkdagen contact met u op.',
    },
    invalid: {
      ok: false,
      title: 'Deze link geldt niet meer',
      message: 'U heeft al geantwoord, of de link is verlopen. Bel gerust zelf het mantelzorgsteunpunt.',
    },
  },
  en: {
    intro: {
      title: 'Contact with the carer support point',
      explanation:
        'Press the button if you agree that the support point contacts you. If you do nothing, your details are deleted within two weeks.',
      button: 'Yes, please contact me',
    },
    done: { ok: true, title: 'Thank you', message: 'The support point will contact you within a few working days.' },
    invalid: {
      ok: false,
      title: 'This link no longer works',
      message: 'You answered already, or the link expired. Feel free to call the carer support point yourself.',
    },
  },
};

/** The page behind a referral's consent link: the referral reaches the caseload only when the button is pressed. */
@Injectable()
export class ReferralConsentPage implements LinkPage, OnModuleInit {
  readonly path = REFERRAL_CONSENT_PURPOSE;

  constructor(
    private readonly pages: LinkPages,
    private readonly referrals: ReferralService,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    return (await this.referrals.awaitsConsent(token)) ? TEXT[language].intro : TEXT[language].invalid;
  }

  async perform(token: string, _form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    return (await this.referrals.consent(token)) ? TEXT[language].done : TEXT[language].invalid;
  }
}
