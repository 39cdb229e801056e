export * from './availability';
export * from './volunteer-absence.entity';
export * from './volunteer-registration.service';
export * from './volunteer-training.entity';
export * from './volunteer.entity';
export * from './volunteer.service';
export * from './volunteers-http.module';
export * from './volunteers.module';
