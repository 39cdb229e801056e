export * from './access-token';
export * from './access.decorator';
export * from './auth.module';
export * from './partner-key-verifier';
export * from './auth.guard';
export * from './revoked-accounts';
export * from './api-key-throttle';
