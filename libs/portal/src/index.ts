export * from './portal.module';
export { PortalSession } from './portal-session.entity';
export { PortalRoutes } from './portal-routes';
