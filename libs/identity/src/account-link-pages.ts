import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainError } from '@app/platform';
import { Language, LinkPage, LinkPageIntro, LinkPageOutcome, LinkPages } from '@app/messaging';
import { AccountService } from './account.service';
import { OneTimeTokens } from './one-time-tokens';
import { CONFIRM_EMAIL_CHANGE_PATH } from './account-message-kinds';
import { OwnAccountService } from './own-account.service';

const INVALID: Record<Language, LinkPageOutcome> = {
  nl: {
    ok: false,
    title: 'Deze link werkt niet (meer)',
    message:
      'De link is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan of neem contact op met het mantelzorgsteunpunt.',
  },
  en: {
    ok: false,
    title: 'This link does not work (any more)',
    message: 'The link is invalid, already used or expired. Ask for a new one or contact the carer support point.',
  },
};

/** The pages behind the verify-email, reset-password and confirm-email-change links. */
@Injectable()
export class AccountLinkPages implements OnModuleInit {
  constructor(
    private readonly pages: LinkPages,
    private readonly tokens: OneTimeTokens,
    private readonly accounts: AccountService,
    private readonly ownAccounts: OwnAccountService,
  ) {}

  onModuleInit(): void {
    this.pages.register(this.verifyEmail());
    this.pages.register(this.resetPassword());
    this.pages.register(this.confirmEmailChange());
  }

  private confirmEmailChange(): LinkPage {
    return {
      path: CONFIRM_EMAIL_CHANGE_PATH,
      describe: async (token, language): Promise<LinkPageIntro | LinkPageOutcome> =>
        (await this.ownAccounts.isChangeUsable(token))
          ? language === 'en'
            ? {
                title: 'Use this email address',
                explanation: 'Press the button to sign in and receive mail at this address from now on.',
                button: 'Use this address',
              }
            : {
                title: 'Dit e-mailadres gebruiken',
                explanation: 'Druk op de knop om voortaan met dit adres in te loggen en hier post te krijgen.',
                button: 'Dit adres gebruiken',
              }
          : INVALID[language],
      perform: (token, _form, language) =>
        this.attempt(language, () => this.ownAccounts.confirmEmailChange(token), {
          nl: { title: 'Uw e-mailadres is gewijzigd', message: 'U logt voortaan in met het nieuwe adres.' },
          en: { title: 'Your email address is changed', message: 'From now on you sign in with the new address.' },
        }),
    };
  }

  private verifyEmail(): LinkPage {
    return {
      path: 'verify-email',
      describe: async (token, language): Promise<LinkPageIntro | LinkPageOutcome> =>
        (await this.tokens.isUsable(token, 'email_verification'))
          ? language === 'en'
            ? {
                title: 'Confirm your email address',
                explanation: 'Press the button to confirm that this email address is yours.',
                button: 'Confirm my email address',
              }
            : {
                title: 'Bevestig uw e-mailadres',
                explanation: 'Druk op de knop om te bevestigen dat dit e-mailadres van u is.',
                button: 'Mijn e-mailadres bevestigen',
              }
          : INVALID[language],
      perform: async (token, _form, language) =>
        this.attempt(language, () => this.accounts.verifyEmail(token), {
          nl: {
            title: 'Uw e-mailadres is bevestigd',
            message: 'Dank u wel. U kunt nu respijtzorg boeken en de mantelzorgwaardering aanvragen.',
          },
          en: {
            title: 'Your email address is confirmed',
            message: 'Thank you. You can now book respite care and apply for the carer appreciation.',
          },
        }),
    };
  }

  private resetPassword(): LinkPage {
    const label = { nl: 'Nieuw wachtwoord (minstens 12 tekens)', en: 'New password (at least 12 characters)' };
    return {
      path: 'reset-password',
      describe: async (token, language): Promise<LinkPageIntro | LinkPageOutcome> =>
        (await this.tokens.isUsable(token, 'password_reset'))
          ? language === 'en'
            ? {
                title: 'Choose a password',
                explanation: 'Choose a password of at least 12 characters. A few words in a row are easy to remember.',
                button: 'Save my password',
                fields: [{ name: 'password', type: 'password', label, min: 12 }],
              }
            : {
                title: 'Kies een wachtwoord',
                explanation:
                  'Kies een wachtwoord van minstens 12 tekens. Een paar woorden achter elkaar zijn makkelijk te onthouden.',
                button: 'Wachtwoord opslaan',
                fields: [{ name: 'password', type: 'password', label, min: 12 }],
              }
          : INVALID[language],
      perform: async (token, form, language) => {
        const password = form.password ?? '';
        if (password.length < 12 || password.length > 256) {
          return language === 'en'
            ? {
                ok: false,
                title: 'Password too short',
                message: 'Use at least 12 characters. Open the link in the email again to try once more.',
              }
            : {
                ok: false,
                title: 'Wachtwoord te kort',
                message: 'Gebruik minstens 12 tekens. Open de link in de e-mail opnieuw om het nog eens te proberen.',
              };
        }
        return this.attempt(language, () => this.accounts.resetPassword(token, password), {
          nl: {
            title: 'Uw wachtwoord is opgeslagen',
            message: 'U kunt nu inloggen met uw e-mailadres en het nieuwe wachtwoord.',
          },
          en: {
            title: 'Your password is saved',
            message: 'You can now sign in with your email address and the new password.',
          },
        });
      },
    };
  }

  private async attempt(
    language: Language,
    action: () => Promise<void>,
    done: Record<Language, { title: string; message: string }>,
  ): Promise<LinkPageOutcome> {
    try {
      await action();
      return { ok: true, ...done[language] };
    } catch (error) {
      if (error instanceof DomainError) return INVALID[language];
      throw error;
    }
  }
}
