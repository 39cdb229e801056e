import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  accountInvitationMessage,
  MessageKind,
  MessageKinds,
  passwordResetMessage,
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
} as const;

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
