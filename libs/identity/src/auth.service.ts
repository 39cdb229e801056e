import { Injectable } from '@nestjs/common';
import { AccessTokens, AppConfig } from '@app/platform';
import { Account } from './account.entity';
import { AccountService, normalizeEmail } from './account.service';
import { InvalidCredentialsError, InvalidRefreshTokenError } from './identity-errors';
import { LoginThrottle } from './login-throttle';
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
  ) {}

  async login(email: string, password: string, ip: string): Promise<TokenPair> {
    const normalized = normalizeEmail(email);
    await this.throttle.begin(normalized, ip);
    const account = await this.accounts.findByEmail(normalized);
    const valid = await this.hasher.verify(account?.passwordHash ?? null, password);
    if (!account || !valid || account.disabledAt) throw new InvalidCredentialsError();
    await this.throttle.succeeded(normalized, ip);
    return this.issuePair(account, await this.refreshTokens.issue(account.id));
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const rotated = await this.refreshTokens.rotate(refreshToken);
    const account = await this.accounts.findById(rotated.accountId);
    if (!account || account.disabledAt) throw new InvalidRefreshTokenError();
    return this.issuePair(account, rotated.refreshToken);
  }

  logout(refreshToken: string): Promise<void> {
    return this.refreshTokens.revokeFamilyOf(refreshToken);
  }

  private async issuePair(account: Account, refreshToken: string): Promise<TokenPair> {
    await this.accounts.markActive(account.id);
    const accessToken = await this.accessTokens.sign({
      id: account.id,
      role: account.role,
      municipalityId: account.municipalityId,
    });
    return { accessToken, refreshToken, expiresIn: this.config.auth.accessTokenTtlSeconds };
  }
}
