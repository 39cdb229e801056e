import { Module } from '@nestjs/common';
import { IdentityMaintenanceProcessor } from './jobs/identity-maintenance.processor';

/** Processors of identity, imported by the worker only. */
@Module({ providers: [IdentityMaintenanceProcessor] })
export class IdentityJobsModule {}
