export * from './booking.service';
export * from './respite-booking.entity';
export * from './respite-http.module';
export * from './respite-jobs.module';
export * from './respite-offer.entity';
export * from './respite-slot.entity';
export * from './respite.module';
