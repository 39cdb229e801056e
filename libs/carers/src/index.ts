export * from './care-relationship.entity';
export * from './care-relationship.service';
export * from './carer.entity';
export * from './carer.service';
export * from './carers-http.module';
export * from './carers.module';
export * from './consent.entity';
export * from './consent.service';
