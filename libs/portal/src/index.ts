export * from './portal.module';
export { PortalSession } from './portal-session.entity';
