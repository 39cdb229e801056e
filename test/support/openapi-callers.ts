import { Municipality } from '@app/identity';
import { randomUUID } from 'node:crypto';
import { createOperator, createPerson } from './factories';
import { Attempt, Operation, sendAttempt } from './openapi-operations';
import { seedCarers } from './respite-fixtures';
import { HttpAnswer, TestApp } from './test-app';
import { signUpVolunteer } from './volunteer-fixtures';

export const CALLER_ROLES = ['admin', 'staff', 'carer', 'volunteer', 'provider', 'operator', 'partner'] as const;
export type CallerRole = (typeof CALLER_ROLES)[number];

/** One caller per role in a municipality, signed in on first use and again when a request ended its session. */
export class Callers {
  private readonly tokens = new Map<CallerRole, string>();

  constructor(
    private readonly app: TestApp,
    private readonly municipality: Municipality,
  ) {}

  /**
   * Sends the attempt as the role. An earlier request may have ended the caller's session (a
   * sign-out, an erasure): a 401 to the caller's own credentials signs in afresh and sends again.
   */
  async send(operation: Operation, attempt: Attempt, role: CallerRole): Promise<HttpAnswer> {
    const answer = await sendAttempt(this.app, operation, attempt, await this.headers(role));
    const ownCredentials = !attempt.headers?.authorization && !attempt.headers?.['x-api-key'];
    if (answer.status !== 401 || operation.security.length === 0 || !ownCredentials) return answer;
    this.tokens.delete(role);
    return sendAttempt(this.app, operation, attempt, await this.headers(role));
  }

  private async headers(role: CallerRole): Promise<Record<string, string>> {
    let token = this.tokens.get(role);
    if (!token) {
      token = await this.signIn(role);
      this.tokens.set(role, token);
    }
    return role === 'partner' ? { 'x-api-key': token } : { authorization: `Bearer ${token}` };
  }

  /** The first role whose plausible request gets past authentication and the role check. */
  async roleAdmitted(operation: Operation, valid: Attempt): Promise<CallerRole> {
    const candidates: readonly CallerRole[] = operation.security.includes('apiKey')
      ? ['partner']
      : operation.security.length === 0
        ? ['admin']
        : CALLER_ROLES.filter((role) => role !== 'partner');
    for (const role of candidates) {
      // A GET as it is; anything else without a body, so that it stops at validation when it gets past the role.
      const probe = operation.method === 'GET' ? valid : { ...valid, body: undefined };
      const answer = await this.send(operation, probe, role);
      if (answer.status !== 401 && answer.status !== 403) return role;
    }
    return candidates[0];
  }

  /** A caller of the role with what its routes need: a carer with a care relationship, a volunteer's profile. */
  private async signIn(role: CallerRole): Promise<string> {
    if (role === 'partner') return this.partnerKey();
    if (role === 'operator') return (await createOperator(this.app)).accessToken;
    if (role === 'carer') return (await seedCarers(this.app, this.municipality, 1))[0].token;
    if (role === 'volunteer') return (await signUpVolunteer(this.app, this.municipality.code)).token;
    return (await createPerson(this.app, this.municipality, role)).accessToken;
  }

  private async partnerKey(): Promise<string> {
    const admin = await createPerson(this.app, this.municipality, 'admin');
    const created = await this.app.post('/api/v1/partners', {
      token: admin.accessToken,
      headers: { 'idempotency-key': randomUUID() },
      body: { name: 'Boekhandel' },
    });
    if (created.status !== 201) throw new Error(`partner not created: ${JSON.stringify(created.body)}`);
    return created.body.apiKey as string;
  }
}
