import { Module } from '@nestjs/common';
import { ActivitiesJobsModule } from '@app/activities';
import { AppreciationJobsModule } from '@app/appreciation';
import { CarersJobsModule } from '@app/carers';
import { RespiteJobsModule } from '@app/respite';
import { VolunteersJobsModule } from '@app/volunteers';
import { IdentityJobsModule, IdentityModule } from '@app/identity';
import { PrivacyJobsModule } from '@app/privacy';
import { IntakeJobsModule } from '@app/intake';
import { MessagingJobsModule, MessagingModule, QueueModule } from '@app/messaging';
import { HealthModule, PlatformModule } from '@app/platform';

/** Job processors and schedulers of every context; HTTP only for health and metrics. */
@Module({
  imports: [
    PlatformModule,
    HealthModule,
    MessagingModule,
    QueueModule,
    IdentityModule,
    MessagingJobsModule,
    IdentityJobsModule,
    CarersJobsModule,
    RespiteJobsModule,
    VolunteersJobsModule,
    AppreciationJobsModule,
    ActivitiesJobsModule,
    PrivacyJobsModule,
    IntakeJobsModule,
  ],
})
export class WorkerModule {}
