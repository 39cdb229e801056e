import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '../config';
import { AccessTokens } from './access-token';
import { ApiKeyThrottle } from './api-key-throttle';
import { RevokedAccounts } from './revoked-accounts';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A key object, not a string: jsonwebtoken otherwise first tries (and fails) to parse a
        // string as a public key on every verification, which cost a tenth of the API's CPU.
        secret: createSecretKey(Buffer.from(config.auth.signingSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.accessTokenTtlSeconds },
      }),
    }),
  ],
  providers: [AccessTokens, RevokedAccounts, ApiKeyThrottle],
  exports: [AccessTokens, RevokedAccounts, ApiKeyThrottle],
})
export class AuthModule {}
