export * from './availability';
export * from './volunteer-absence.entity';
export * from './volunteer-registration.service';
export * from './volunteer-training.entity';
export * from './volunteer.entity';
export * from './volunteer.service';
export * from './volunteers-http.module';
export * from './volunteers.module';
export * from './help-request.entity';
export * from './help-request.service';
export * from './suggestions';
export * from './volunteer-match.entity';
export * from './match.service';
export * from './volunteer-hours.entity';
export * from './volunteer-hours.service';
export * from './volunteer-message-kinds';
export * from './volunteers-jobs.module';
export * from './volunteer-expiry';
export * from './volunteer-monitor-figures';
export {
  AddAbsenceDto,
  AddTrainingDto,
  UpdateVolunteerDto,
  VolunteerRegistrationDto,
  VolunteerSignUpDto,
} from './dto/volunteer.dto';
export { LogHoursDto } from './dto/match.dto';
export { CorrectHoursDto } from './dto/hours.dto';
