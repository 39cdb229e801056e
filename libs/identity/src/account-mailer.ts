import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { accountInvitationMessage, MailTransport, passwordResetMessage, RenderedMessage, verifyEmailMessage } from '@app/messaging';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Account } from './account.entity';
import { Municipality } from './municipality.entity';

type AccountMessage = 'verify_email' | 'password_reset' | 'invitation';

const LINK_PATHS: Record<AccountMessage, string> = {
  verify_email: '/verify-email',
  password_reset: '/reset-password',
  invitation: '/reset-password',
};

/** Sends the account emails (verify, reset, invitation) in the person's language. */
@Injectable()
export class AccountMailer {
  private readonly logger = new Logger(AccountMailer.name);

  constructor(
    private readonly mail: MailTransport,
    private readonly config: AppConfig,
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
  ) {}

  /** Sends after the token is committed; a failure is logged (without address) and does not undo the change. */
  async send(kind: AccountMessage, account: Account, token: string): Promise<void> {
    if (!account.email) return;
    const municipality = await this.municipalities.findOneByOrFail({ id: account.municipalityId });
    const link = `${this.config.http.baseUrl}${LINK_PATHS[kind]}?token=${encodeURIComponent(token)}`;
    const sender = municipality.settings.senderName;
    const message: RenderedMessage =
      kind === 'verify_email'
        ? verifyEmailMessage(account.language, link, sender)
        : kind === 'password_reset'
          ? passwordResetMessage(account.language, link, sender)
          : accountInvitationMessage(account.language, link, sender);
    try {
      await this.mail.send({ to: account.email, fromName: sender, ...message });
    } catch (error) {
      this.logger.error({ accountId: account.id, kind, err: (error as Error).message }, 'account email not sent');
    }
  }
}
