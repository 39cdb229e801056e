import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { UnauthenticatedError } from '../http/domain-error';
import { Actor } from './actor';

const ACTOR_KEY = 'actor';

/** The acting person (or partner) and their municipality, for the current request or job. */
@Injectable()
export class RequestContext {
  constructor(private readonly cls: ClsService) {}

  setActor(actor: Actor): void {
    this.cls.set(ACTOR_KEY, actor);
  }

  actor(): Actor {
    const actor = this.cls.isActive() ? this.cls.get<Actor | undefined>(ACTOR_KEY) : undefined;
    if (!actor) throw new UnauthenticatedError();
    return actor;
  }

  optionalActor(): Actor | undefined {
    return this.cls.isActive() ? this.cls.get<Actor | undefined>(ACTOR_KEY) : undefined;
  }

  municipalityId(): string {
    return this.actor().municipalityId;
  }

  requestId(): string | undefined {
    return this.cls.isActive() ? this.cls.getId() : undefined;
  }

  /** Runs work outside a request (jobs, CLI) as the given actor. */
  runAs<T>(actor: Actor, work: () => Promise<T>): Promise<T> {
    return this.cls.run(() => {
      this.cls.set(ACTOR_KEY, actor);
      return work();
    });
  }
}
