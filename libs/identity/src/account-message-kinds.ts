import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  accountInvitationMessage,
  MessageKind,
  MessageKinds,
  passwordResetMessage,
  renderLinkMessage,
  RenderedMail,
  RenderInput,
  verifyEmailMessage,
} from '@app/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OneTimeTokenPurpose } from './one-time-token.entity';
import { OneTimeTokens, TOKEN_LIFETIME_SECONDS } from './one-time-tokens';

export const ACCOUNT_MESSAGES = {
  verifyEmail: 'verify_email',
  passwordReset: 'password_reset',
  invitation: 'account_invitation',
  emailChange: 'email_change',
  emailChangeNotice: 'email_change_notice',
} as const;

export const CONFIRM_EMAIL_CHANGE_PATH = 'confirm-email-change';

/**
 * The account emails. Their single-use token is made when the mail is rendered in the
 * worker, so no usable token is ever stored; a newer mail makes older links invalid.
 */
@Injectable()
export class AccountMessageKinds implements OnModuleInit {
  constructor(
    private readonly kinds: MessageKinds,
    private readonly tokens: OneTimeTokens,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.kinds.register(
      this.kind(
        ACCOUNT_MESSAGES.verifyEmail,
        'email_verification',
        TOKEN_LIFETIME_SECONDS.email_verification,
        'verify-email',
        verifyEmailMessage,
      ),
    );
    this.kinds.register(
      this.kind(
        ACCOUNT_MESSAGES.passwordReset,
        'password_reset',
        TOKEN_LIFETIME_SECONDS.password_reset,
        'reset-password',
        passwordResetMessage,
      ),
    );
    this.kinds.register(
      this.kind(
        ACCOUNT_MESSAGES.invitation,
        'password_reset',
        TOKEN_LIFETIME_SECONDS.invitation,
        'reset-password',
        accountInvitationMessage,
      ),
    );
    this.registerEmailChange();
  }

  private registerEmailChange(): void {
    this.kinds.register({
      kind: ACCOUNT_MESSAGES.emailChange,
      category: 'transactional',
      render: async (input: RenderInput) => {
        const newEmail = String(input.params.newEmail);
        const token = await this.tokens.issue(
          input.accountId,
          'email_change',
          TOKEN_LIFETIME_SECONDS.email_change,
          undefined,
          newEmail,
        );
        const en = input.language === 'en';
        return renderLinkMessage(input.language, {
          subject: en ? 'Confirm your new email address' : 'Bevestig uw nieuwe e-mailadres',
          paragraphs: [
            en
              ? 'You asked to use this address from now on. It changes once you press the button. The link is valid for 48 hours.'
              : 'U vroeg om voortaan dit adres te gebruiken. Het verandert zodra u op de knop drukt. De link is 48 uur geldig.',
          ],
          action: en ? 'Use this address' : 'Dit adres gebruiken',
          link: input.link(CONFIRM_EMAIL_CHANGE_PATH, token),
          footer: input.senderName,
        });
      },
    });
    this.kinds.register({
      kind: ACCOUNT_MESSAGES.emailChangeNotice,
      category: 'transactional',
      render: async (input: RenderInput) => {
        const en = input.language === 'en';
        const newEmail = String(input.params.newEmail);
        return renderLinkMessage(input.language, {
          subject: en ? 'Your email address is being changed' : 'Uw e-mailadres wordt gewijzigd',
          paragraphs: [
            en
              ? `Someone signed in to your account asked to use ${newEmail} from now on. It changes only when that address confirms it.`
              : `Iemand die in uw account was ingelogd, vroeg om voortaan ${newEmail} te gebruiken. Dat gebeurt pas als dat adres het bevestigt.`,
            en
              ? 'Was this not you? Choose a new password and contact the support point.'
              : 'Was u dit niet? Kies een nieuw wachtwoord en neem contact op met het steunpunt.',
          ],
          footer: input.senderName,
        });
      },
    });
  }

  private kind(
    kind: string,
    purpose: OneTimeTokenPurpose,
    lifetimeSeconds: number,
    path: string,
    template: (language: 'nl' | 'en', link: string, sender: string) => RenderedMail,
  ): MessageKind {
    return {
      kind,
      category: 'transactional',
      render: async (input: RenderInput) => {
        // Earlier links stay valid until they expire or one is used: a new request never kills them.
        const token = await this.tokens.issue(input.accountId, purpose, lifetimeSeconds);
        return template(input.language, input.link(path, token), input.senderName);
      },
    };
  }
}
