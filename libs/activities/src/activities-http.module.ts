import { Module } from '@nestjs/common';
import { IdentityHttpModule } from '@app/identity';
import { ActivitiesModule } from './activities.module';
import { ActivityPlacePage } from './activity-place.page';
import { ActivityController } from './activity.controller';
import { ParticipationController } from './participation.controller';
import { ResidentSignUpPage, ResidentWithdrawPage } from './resident-link-pages';
import { ResidentRequests } from './resident-requests';
import { ResidentSignupController } from './resident-signup.controller';
import { RsvpPage } from './rsvp.page';

/** Activity routes and the RSVP, held-place and resident sign-up link pages (api only). */
@Module({
  imports: [ActivitiesModule, IdentityHttpModule],
  controllers: [ActivityController, ParticipationController, ResidentSignupController],
  providers: [RsvpPage, ActivityPlacePage, ResidentSignUpPage, ResidentWithdrawPage, ResidentRequests],
  exports: [ResidentRequests],
})
export class ActivitiesHttpModule {}
