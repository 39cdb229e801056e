export * from './campaign.entity';
export * from './application.entity';
export * from './voucher.entity';
export * from './eligibility';
export * from './voucher-code';
