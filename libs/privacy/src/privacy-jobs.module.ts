import { Module } from '@nestjs/common';
import { PrivacyProcessor } from './jobs/privacy.processor';
import { ErasureModule } from './erasure.module';
import { PrivacyModule } from './privacy.module';

/** Processors of privacy (retention, dropping an erased person's jobs), imported by the worker only. */
@Module({ imports: [PrivacyModule, ErasureModule], providers: [PrivacyProcessor] })
export class PrivacyJobsModule {}
