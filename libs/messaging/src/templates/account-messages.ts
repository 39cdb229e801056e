import { Language } from './language';
import { renderLinkMessage, RenderedMessage } from './layout';

export function verifyEmailMessage(language: Language, link: string, senderName: string): RenderedMessage {
  return language === 'en'
    ? renderLinkMessage(language, {
        subject: 'Confirm your email address',
        paragraphs: [
          'Please confirm that this is your email address. After that you can book respite care and apply for the appreciation.',
          'The link is valid for 48 hours.',
        ],
        action: 'Confirm my email address',
        link,
        footer: `${senderName}. Did you not sign up? Then you can ignore this email.`,
      })
    : renderLinkMessage(language, {
        subject: 'Bevestig uw e-mailadres',
        paragraphs: [
          'Wilt u bevestigen dat dit uw e-mailadres is? Daarna kunt u respijtzorg boeken en de mantelzorgwaardering aanvragen.',
          'De link is 48 uur geldig.',
        ],
        action: 'Mijn e-mailadres bevestigen',
        link,
        footer: `${senderName}. Heeft u zich niet aangemeld? Dan kunt u deze e-mail negeren.`,
      });
}

export function passwordResetMessage(language: Language, link: string, senderName: string): RenderedMessage {
  return language === 'en'
    ? renderLinkMessage(language, {
        subject: 'Choose a new password',
        paragraphs: ['Someone asked to choose a new password for your account.', 'The link is valid for 1 hour.'],
        action: 'Choose a new password',
        link,
        footer: `${senderName}. Did you not ask for this? Then you can ignore this email; your password stays the same.`,
      })
    : renderLinkMessage(language, {
        subject: 'Kies een nieuw wachtwoord',
        paragraphs: ['Er is gevraagd om een nieuw wachtwoord voor uw account.', 'De link is 1 uur geldig.'],
        action: 'Nieuw wachtwoord kiezen',
        link,
        footer: `${senderName}. Heeft u dit niet gevraagd? Dan kunt u deze e-mail negeren; uw wachtwoord blijft hetzelfde.`,
      });
}

export function accountInvitationMessage(language: Language, link: string, senderName: string): RenderedMessage {
  return language === 'en'
    ? renderLinkMessage(language, {
        subject: 'Your account for the carer support platform',
        paragraphs: [
          `${senderName} has made an account for you. Choose a password to start.`,
          'The link is valid for 7 days.',
        ],
        action: 'Choose a password',
        link,
        footer: senderName,
      })
    : renderLinkMessage(language, {
        subject: 'Uw account voor het mantelzorgplatform',
        paragraphs: [
          `${senderName} heeft een account voor u aangemaakt. Kies een wachtwoord om te beginnen.`,
          'De link is 7 dagen geldig.',
        ],
        action: 'Wachtwoord kiezen',
        link,
        footer: senderName,
      });
}
