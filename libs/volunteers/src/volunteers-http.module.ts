import { Module } from '@nestjs/common';
import { HelpRequestController } from './help-request.controller';
import { MatchAnswerPages } from './match-answer.page';
import { MatchController } from './match.controller';
import { MeVolunteerController } from './me-volunteer.controller';
import { VolunteerController } from './volunteer.controller';
import { VolunteerHoursController } from './volunteer-hours.controller';
import { VolunteersModule } from './volunteers.module';

/** Volunteer routes (api only). */
@Module({
  imports: [VolunteersModule],
  controllers: [
    VolunteerController,
    MeVolunteerController,
    HelpRequestController,
    MatchController,
    VolunteerHoursController,
  ],
  providers: [MatchAnswerPages],
})
export class VolunteersHttpModule {}
