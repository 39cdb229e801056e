import { Module } from '@nestjs/common';
import { VolunteersMaintenanceProcessor } from './jobs/volunteers-maintenance.processor';
import { VolunteerExpiry } from './volunteer-expiry';
import { VolunteersModule } from './volunteers.module';

/** Processors of the volunteers context, imported by the worker only. */
@Module({
  imports: [VolunteersModule],
  providers: [VolunteerExpiry, VolunteersMaintenanceProcessor],
  exports: [VolunteerExpiry],
})
export class VolunteersJobsModule {}
