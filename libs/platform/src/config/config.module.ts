import { Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';
import { Environment, validateEnvironment } from './environment';

@Global()
@Module({
  imports: [
    NestConfigModule.forRoot({
      ignoreEnvFile: true,
      cache: true,
      validate: (raw) => ({ ...validateEnvironment(raw) }),
    }),
  ],
  providers: [
    {
      provide: AppConfig,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => new AppConfig(Object.assign(new Environment(), readAll(config))),
    },
  ],
  exports: [AppConfig],
})
export class ConfigModule {}

function readAll(config: ConfigService): Partial<Environment> {
  return Object.fromEntries(Object.keys(new Environment()).map((key) => [key, config.get(key)]));
}

/** For bootstrap code that runs before the container exists (adapter options). */
export function readEnvironment(): Environment {
  return validateEnvironment(process.env);
}
