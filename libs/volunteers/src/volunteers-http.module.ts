import { Module } from '@nestjs/common';
import { HelpRequestController } from './help-request.controller';
import { MeVolunteerController } from './me-volunteer.controller';
import { VolunteerController } from './volunteer.controller';
import { VolunteersModule } from './volunteers.module';

/** Volunteer routes (api only). */
@Module({ imports: [VolunteersModule], controllers: [VolunteerController, MeVolunteerController, HelpRequestController] })
export class VolunteersHttpModule {}
