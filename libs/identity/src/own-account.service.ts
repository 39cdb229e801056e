import { Injectable } from '@nestjs/common';
import { isUniqueViolation, NotFoundError } from '@app/platform';
import { MessageKinds, MessageService } from '@app/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { Account, Language } from './account.entity';
import { ACCOUNT_MESSAGES } from './account-message-kinds';
import { normalizeEmail } from './account.service';
import { EmailTakenError, SameEmailError, UnknownMailKindError } from './identity-errors';
import { OneTimeTokens } from './one-time-tokens';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens';

export interface OwnAccountChanges {
  displayName?: string;
  language?: Language;
  /** false: no campaign mail at all (as the unsubscribe link does); true: subscribed again. */
  campaignMail?: boolean;
  /** The campaign kinds not wanted, one by one; the rest are wanted. */
  mailOptOuts?: string[];
}

/**
 * What everyone does with their own account: name and language, which campaign mail they
 * get, a new password (every other sign-in ends), a new email address proven by a link.
 */
@Injectable()
export class OwnAccountService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly refreshTokens: RefreshTokens,
    private readonly oneTimeTokens: OneTimeTokens,
    private readonly messages: MessageService,
    private readonly kinds: MessageKinds,
  ) {}

  /** The kinds of campaign mail a person can choose between. */
  optionalMailKinds(): string[] {
    return this.kinds.ofCategory('campaign');
  }

  async update(accountId: string, changes: OwnAccountChanges): Promise<Account> {
    const repository = this.dataSource.getRepository(Account);
    const account = await repository.findOneBy({ id: accountId });
    if (!account) throw new NotFoundError({ nl: 'Het account', en: 'The account' });
    if (changes.mailOptOuts) {
      const optional = this.optionalMailKinds();
      if (changes.mailOptOuts.some((kind) => !optional.includes(kind))) throw new UnknownMailKindError(optional);
      account.mailOptOuts = [...new Set(changes.mailOptOuts)];
    }
    if (changes.displayName !== undefined) account.displayName = changes.displayName;
    if (changes.language) account.language = changes.language;
    if (changes.campaignMail !== undefined)
      account.campaignOptOutAt = changes.campaignMail ? null : (account.campaignOptOutAt ?? new Date());
    return repository.save(account);
  }

  /** Sets a new password and ends every sign-in made before (the caller signs the person in anew). */
  async setPassword(accountId: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(Account).update(accountId, { passwordHash, tokensValidAfter: () => 'now()' });
      await this.refreshTokens.revokeAllOf(accountId, manager);
      await this.oneTimeTokens.invalidateOthers(accountId, 'password_reset', manager);
    });
  }

  /**
   * Mails a link to the new address; the address changes only when it is followed. The old
   * address is told, so a stolen session cannot move an account away unnoticed.
   */
  async requestEmailChange(accountId: string, newEmail: string): Promise<void> {
    const account = await this.dataSource.getRepository(Account).findOneBy({ id: accountId });
    if (!account) throw new NotFoundError({ nl: 'Het account', en: 'The account' });
    const email = normalizeEmail(newEmail);
    if (email === account.email) throw new SameEmailError();
    if (await this.dataSource.getRepository(Account).existsBy({ email })) throw new EmailTakenError();
    await this.dataSource.transaction(async (manager) => {
      const recipient = {
        accountId: account.id,
        municipalityId: account.municipalityId,
        language: account.language,
        channel: 'email' as const,
      };
      await this.messages.queue(manager, {
        recipient: { ...recipient, email },
        kind: ACCOUNT_MESSAGES.emailChange,
        params: { newEmail: email },
      });
      if (account.email)
        await this.messages.queue(manager, {
          recipient: { ...recipient, email: account.email },
          kind: ACCOUNT_MESSAGES.emailChangeNotice,
          params: { newEmail: email },
        });
    });
  }

  /** Whether an email-change link would still work (for the page before the button). */
  isChangeUsable(token: string): Promise<boolean> {
    return this.oneTimeTokens.isUsable(token, 'email_change');
  }

  /** The link was followed: the new address is the account's, proven; false when it is taken meanwhile. */
  async confirmEmailChange(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { accountId, newEmail } = await this.oneTimeTokens.consumeEmailChange(token, manager);
      await manager.query('SAVEPOINT change_email');
      try {
        await manager
          .getRepository(Account)
          .update({ id: accountId, erasedAt: IsNull() }, { email: newEmail, emailVerifiedAt: new Date() });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        await manager.query('ROLLBACK TO SAVEPOINT change_email');
        throw new EmailTakenError();
      }
    });
  }
}
