import { Module } from '@nestjs/common';
import { ErasureService } from './erasure.service';
import { PrivacyModule } from './privacy.module';
import { Retention } from './retention';

/** Erasure and retention; they end sign-ins in Redis, so the API and the worker have them, the CLI not. */
@Module({ imports: [PrivacyModule], providers: [ErasureService, Retention], exports: [ErasureService, Retention] })
export class ErasureModule {}
