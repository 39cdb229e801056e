import { Module } from '@nestjs/common';
import { CarersModule } from './carers.module';
import { CarersMaintenanceProcessor } from './jobs/carers-maintenance.processor';

/** Processors of the carers context, imported by the worker only. */
@Module({ imports: [CarersModule], providers: [CarersMaintenanceProcessor] })
export class CarersJobsModule {}
