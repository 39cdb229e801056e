import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { provideMunicipalityScoped } from '@app/platform';
import { VolunteerAbsence } from './volunteer-absence.entity';
import { VolunteerRegistrationService } from './volunteer-registration.service';
import { VolunteerTraining } from './volunteer-training.entity';
import { Volunteer } from './volunteer.entity';
import { VolunteerService } from './volunteer.service';

/** Volunteers, their trainings and absences: services for api, worker and cli. */
@Module({
  imports: [TypeOrmModule.forFeature([Volunteer, VolunteerTraining, VolunteerAbsence])],
  providers: [provideMunicipalityScoped(Volunteer), provideMunicipalityScoped(VolunteerTraining), provideMunicipalityScoped(VolunteerAbsence), VolunteerRegistrationService, VolunteerService],
  exports: [VolunteerRegistrationService, VolunteerService],
})
export class VolunteersModule {}
