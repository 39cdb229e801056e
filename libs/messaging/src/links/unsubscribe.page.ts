import { Injectable, OnModuleInit } from '@nestjs/common';
import { UNSUBSCRIBE_PURPOSE } from '../messages/message-renderer';
import { RecipientDirectory } from '../messages/recipients';
import { Language } from '../templates/language';
import { LinkPage, LinkPageIntro, LinkPageOutcome } from './link-page';
import { LinkPages } from './link-pages';
import { LinkTokens } from './link-tokens';

const TEXT: Record<Language, { intro: LinkPageIntro; done: LinkPageOutcome; invalid: LinkPageOutcome }> = {
  nl: {
    intro: {
      title: 'Afmelden voor nieuwsbrieven en uitnodigingen',
      explanation:
        'U krijgt dan geen berichten meer over campagnes, zoals de mantelzorgwaardering en activiteiten. Berichten over uw afspraken en uw account blijft u krijgen.',
      button: 'Ja, meld mij af',
    },
    done: {
      ok: true,
      title: 'U bent afgemeld',
      message:
        'U krijgt geen campagneberichten meer. Wilt u ze later toch weer ontvangen? Neem dan contact op met het mantelzorgsteunpunt.',
    },
    invalid: { ok: false, title: 'Deze link werkt niet (meer)', message: 'De afmeldlink is ongeldig of verlopen.' },
  },
  en: {
    intro: {
      title: 'Unsubscribe from newsletters and invitations',
      explanation:
        'You will no longer get campaign messages, such as the carer appreciation and activities. You will still get messages about your bookings and your account.',
      button: 'Yes, unsubscribe me',
    },
    done: {
      ok: true,
      title: 'You are unsubscribed',
      message: 'You will no longer get campaign messages. To get them again later, contact the carer support point.',
    },
    invalid: {
      ok: false,
      title: 'This link does not work (any more)',
      message: 'The unsubscribe link is invalid or has expired.',
    },
  },
};

/** One-click unsubscribe from campaign mail (also as RFC 8058 List-Unsubscribe-Post). */
@Injectable()
export class UnsubscribePage implements LinkPage, OnModuleInit {
  readonly path = 'unsubscribe';

  constructor(
    private readonly pages: LinkPages,
    private readonly tokens: LinkTokens,
    private readonly recipients: RecipientDirectory,
  ) {}

  onModuleInit(): void {
    this.pages.register(this);
  }

  async describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome> {
    return this.tokens.verify(UNSUBSCRIBE_PURPOSE, token) ? TEXT[language].intro : TEXT[language].invalid;
  }

  async perform(token: string, _form: Record<string, string>, language: Language): Promise<LinkPageOutcome> {
    const accountId = this.tokens.verify(UNSUBSCRIBE_PURPOSE, token);
    if (!accountId) return TEXT[language].invalid;
    await this.recipients.optOutOfCampaigns(accountId);
    return TEXT[language].done;
  }
}
