import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { MessagingModule, QueueModule } from '@app/messaging';
import { HealthModule, PlatformModule } from '@app/platform';

/** Job processors and schedulers of every context; HTTP only for health and metrics. */
@Module({
  imports: [PlatformModule, HealthModule, MessagingModule, QueueModule, IdentityJobsModule],
})
export class WorkerModule {}
