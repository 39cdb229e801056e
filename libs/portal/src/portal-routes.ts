import { Injectable } from '@nestjs/common';
import { PortalRoute } from './portal-route';

/** The portal's pages; each page class adds its routes at start-up. */
@Injectable()
export class PortalRoutes {
  private readonly routes: PortalRoute[] = [];

  add(...routes: PortalRoute[]): void {
    this.routes.push(...routes);
  }

  all(): readonly PortalRoute[] {
    return this.routes;
  }
}
