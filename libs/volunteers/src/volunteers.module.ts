import { VolunteerMonitorFigures } from './volunteer-monitor-figures';
import { VolunteerPersonalData } from './volunteer-personal-data';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RespiteModule } from '@app/respite';
import { ActivitiesModule } from '@app/activities';
import { StaffTraining } from './staff-training.entity';
import { CourseTrainingRecorderOfPeople } from './course-training-recorder';
import { provideMunicipalityScoped } from '@app/platform';
import { HelpRequest } from './help-request.entity';
import { HelpRequestService } from './help-request.service';
import { MatchService } from './match.service';
import { SuggestionService } from './suggestions';
import { VolunteerHours } from './volunteer-hours.entity';
import { VolunteerHoursService } from './volunteer-hours.service';
import { VolunteerMessageKinds } from './volunteer-message-kinds';
import { VolunteerOverviewService } from './volunteer-overview.service';
import { VolunteerAbsence } from './volunteer-absence.entity';
import { VolunteerMatch } from './volunteer-match.entity';
import { VolunteerRegistrationService } from './volunteer-registration.service';
import { VolunteerTraining } from './volunteer-training.entity';
import { Volunteer } from './volunteer.entity';
import { VolunteerService } from './volunteer.service';

/** Volunteers, their trainings and absences, help requests and matches: services for api, worker and cli. */
@Module({
  imports: [
    RespiteModule,
    ActivitiesModule,
    TypeOrmModule.forFeature([
      Volunteer,
      VolunteerTraining,
      VolunteerAbsence,
      HelpRequest,
      VolunteerMatch,
      VolunteerHours,
      StaffTraining,
    ]),
  ],
  providers: [
    provideMunicipalityScoped(Volunteer),
    provideMunicipalityScoped(VolunteerTraining),
    provideMunicipalityScoped(VolunteerAbsence),
    provideMunicipalityScoped(HelpRequest),
    VolunteerRegistrationService,
    VolunteerService,
    HelpRequestService,
    SuggestionService,
    MatchService,
    VolunteerHoursService,
    VolunteerMessageKinds,
    VolunteerOverviewService,
    VolunteerPersonalData,
    VolunteerMonitorFigures,
    CourseTrainingRecorderOfPeople,
  ],
  exports: [
    VolunteerMonitorFigures,
    VolunteerRegistrationService,
    VolunteerService,
    HelpRequestService,
    SuggestionService,
    MatchService,
    VolunteerHoursService,
    VolunteerOverviewService,
  ],
})
export class VolunteersModule {}
