export * from './appreciation.module';
export * from './appreciation-http.module';
export * from './appreciation-jobs.module';
export * from './campaign-mailings';
export * from './campaign.entity';
export * from './application.entity';
export * from './voucher.entity';
export * from './appreciation-monitor-figures';
