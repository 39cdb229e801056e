import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities.module';
import { ActivitiesProcessor } from './jobs/activities.processor';

/** Session reminders and lapsing held places (worker only). */
@Module({ imports: [ActivitiesModule], providers: [ActivitiesProcessor] })
export class ActivitiesJobsModule {}
