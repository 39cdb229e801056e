import { Module } from '@nestjs/common';
import { ActivitiesModule } from './activities.module';
import { ActivityPlacePage } from './activity-place.page';
import { ActivityController } from './activity.controller';
import { ParticipationController } from './participation.controller';
import { RsvpPage } from './rsvp.page';

/** Activity routes and the RSVP and held-place link pages (api only). */
@Module({
  imports: [ActivitiesModule],
  controllers: [ActivityController, ParticipationController],
  providers: [RsvpPage, ActivityPlacePage],
})
export class ActivitiesHttpModule {}
