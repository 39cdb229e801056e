import { Module } from '@nestjs/common';
import { IntakeMaintenanceProcessor } from './jobs/intake-maintenance.processor';
import { IntakeModule } from './intake.module';

/** Processors of the intake context, imported by the worker only. */
@Module({
  imports: [IntakeModule],
  providers: [IntakeMaintenanceProcessor],
})
export class IntakeJobsModule {}
