import { Module } from '@nestjs/common';
import { RespiteMaintenanceProcessor } from './jobs/respite-maintenance.processor';
import { RespiteModule } from './respite.module';

/** Processors of respite, imported by the worker only. */
@Module({ imports: [RespiteModule], providers: [RespiteMaintenanceProcessor] })
export class RespiteJobsModule {}
