import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditInterceptor } from './audit.interceptor';
import { PrivacyController } from './privacy.controller';
import { ErasureModule } from './erasure.module';
import { PrivacyModule } from './privacy.module';

@Module({
  imports: [PrivacyModule, ErasureModule],
  controllers: [PrivacyController],
  providers: [{ provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
})
export class PrivacyHttpModule {}
