export * from './appreciation.module';
export * from './appreciation-http.module';
export * from './campaign.entity';
export * from './application.entity';
export * from './voucher.entity';
