import { Injectable } from '@nestjs/common';
import { AccessTokens, AppConfig } from '@app/platform';
import { Account } from './account.entity';
import { AccountService, normalizeEmail } from './account.service';
import { InvalidCredentialsError, InvalidRefreshTokenError } from './identity-errors';
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
