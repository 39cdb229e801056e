import { Global, Module } from '@nestjs/common';
import { FieldCipher } from '../crypto/field-cipher';
import { AppConfig } from './app-config';
import { Environment, validateEnvironment } from './environment';

/**
 * Reads and validates the environment when the application is created (not when this file
 * is imported), so each process or test app gets the configuration it was started with.
 */
export function readEnvironment(): Environment {
  return validateEnvironment(process.env);
}

@Global()
@Module({
  providers: [{ provide: AppConfig, useFactory: () => new AppConfig(readEnvironment()) }, FieldCipher],
  exports: [AppConfig, FieldCipher],
})
export class ConfigModule {}
