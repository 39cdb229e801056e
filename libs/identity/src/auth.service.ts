import { Injectable } from '@nestjs/common';
import { AccessTokens, AppConfig } from '@app/platform';
import { Account } from './account.entity';
import { AccountService, normalizeEmail } from './account.service';
import { InvalidCredentialsError, InvalidRefreshTokenError, WrongPasswordError } from './identity-errors';
import { OwnAccountService } from './own-account.service';
import { LoginThrottle } from './login-throttle';
import { MailRequestThrottle } from './mail-request-throttle';
import { PasswordHasher } from './password-hasher';
import { RefreshTokens } from './refresh-tokens';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Sign-in, token refresh and sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly refreshTokens: RefreshTokens,
    private readonly accessTokens: AccessTokens,
    private readonly config: AppConfig,
    private readonly mailRequests: MailRequestThrottle,
    private readonly ownAccounts: OwnAccountService,
  ) {}

  /** Sends a new verification link, unless the address or IP asked too often; the caller answers the same either way. */
  async requestVerificationMail(email: string, ip: string): Promise<void> {
    if (await this.mailRequests.allows('verify', normalizeEmail(email), ip))
      await this.accounts.sendEmailVerification(email);
  }

  /** Sends a password-reset link, under the same limits. */
  async requestPasswordResetMail(email: string, ip: string): Promise<void> {
    if (await this.mailRequests.allows('reset', normalizeEmail(email), ip))
      await this.accounts.sendPasswordReset(email);
  }

  async login(email: string, password: string, ip: string): Promise<TokenPair> {
    const account = await this.authenticate(email, password, ip);
    return this.issuePair(account, await this.refreshTokens.issue(account.id));
  }

  /** The account an email and password belong to, under the sign-in throttles (the API and the portal). */
  async authenticate(email: string, password: string, ip: string): Promise<Account> {
    const normalized = normalizeEmail(email);
    await this.throttle.begin(normalized, ip);
    const account = await this.accounts.findByEmail(normalized);
    const valid = await this.hasher.verify(account?.passwordHash ?? null, password);
    if (!account || !valid || account.disabledAt) throw new InvalidCredentialsError();
    await this.throttle.succeeded(normalized, ip);
    // A hash made with older parameters is made again now the password is known.
    if (account.passwordHash && this.hasher.needsRehash(account.passwordHash))
      await this.accounts.replacePasswordHash(account.id, account.passwordHash, await this.hasher.hash(password));
    await this.accounts.markActive(account.id);
    return account;
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const account = await this.accounts.findById(rotated.accountId);
    if (!account || account.disabledAt) throw new InvalidRefreshTokenError();
    await this.accounts.markActive(account.id);
    return this.issuePair(account, rotated.refreshToken);
  }

  /**
   * A new password, under the sign-in throttles for the current one: every other sign-in ends,
   * and this one goes on with the tokens returned.
   */
  async changePassword(
    accountId: string,
    currentPassword: string,
    newPassword: string,
    ip: string,
  ): Promise<TokenPair> {
    const account = await this.ownAccountWithPassword(accountId, currentPassword, ip);
    await this.ownAccounts.setPassword(account.id, newPassword);
    return this.issuePair(account, await this.refreshTokens.issue(account.id));
  }

  /** A link to the new address, under the current password and the mail-request limits (silent beyond them). */
  async requestEmailChange(accountId: string, newEmail: string, currentPassword: string, ip: string): Promise<void> {
    await this.ownAccountWithPassword(accountId, currentPassword, ip);
    if (await this.mailRequests.allows('email-change', normalizeEmail(newEmail), ip))
      await this.ownAccounts.requestEmailChange(accountId, newEmail);
  }

  private async ownAccountWithPassword(accountId: string, password: string, ip: string): Promise<Account> {
    const account = await this.accounts.findById(accountId);
    if (!account?.email) throw new WrongPasswordError();
    try {
      return await this.authenticate(account.email, password, ip);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) throw new WrongPasswordError();
      throw error;
    }
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  private async issuePair(account: Account, refreshToken: string): Promise<TokenPair> {
    const accessToken = await this.accessTokens.sign({
      id: account.id,
      role: account.role,
      municipalityId: account.municipalityId,
    });
    return { accessToken, refreshToken, expiresIn: this.config.auth.accessTokenTtlSeconds };
  }
}
