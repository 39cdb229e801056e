import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { RequestContextModule } from './context/request-context.module';
import { DatabaseModule } from './database/database.module';
import { IdempotencyRecord } from './http/idempotency/idempotency-record.entity';
import { IdempotencyInterceptor } from './http/idempotency/idempotency.interceptor';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { RedisModule } from './redis/redis.module';
import { HealthModule } from './health/health.module';

/** Infrastructure every process needs: config, logging, context, database, Redis, metrics. */
@Module({
  imports: [ConfigModule, LoggingModule, RequestContextModule, DatabaseModule, RedisModule, MetricsModule, AuthModule],
  exports: [ConfigModule, LoggingModule, RequestContextModule, DatabaseModule, RedisModule, MetricsModule, AuthModule],
})
export class PlatformModule {}

/** What an HTTP process adds: health, idempotent POSTs. */
@Module({
  imports: [HealthModule, TypeOrmModule.forFeature([IdempotencyRecord])],
  providers: [{ provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor }],
})
export class PlatformHttpModule {}
