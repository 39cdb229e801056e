import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { provideMunicipalityScoped } from '@app/platform';
import { HelpRequest } from './help-request.entity';
import { HelpRequestService } from './help-request.service';
import { SuggestionService } from './suggestions';
import { VolunteerAbsence } from './volunteer-absence.entity';
import { VolunteerMatch } from './volunteer-match.entity';
import { VolunteerRegistrationService } from './volunteer-registration.service';
import { VolunteerTraining } from './volunteer-training.entity';
import { Volunteer } from './volunteer.entity';
import { VolunteerService } from './volunteer.service';

/** Volunteers, their trainings and absences, help requests and matches: services for api, worker and cli. */
@Module({
  imports: [TypeOrmModule.forFeature([Volunteer, VolunteerTraining, VolunteerAbsence, HelpRequest, VolunteerMatch])],
  providers: [provideMunicipalityScoped(Volunteer), provideMunicipalityScoped(VolunteerTraining), provideMunicipalityScoped(VolunteerAbsence), provideMunicipalityScoped(HelpRequest), VolunteerRegistrationService, VolunteerService, HelpRequestService, SuggestionService],
  exports: [VolunteerRegistrationService, VolunteerService, HelpRequestService, SuggestionService],
})
export class VolunteersModule {}
