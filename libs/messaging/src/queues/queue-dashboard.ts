import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LinkTokens } from '../links/link-tokens';
import { QUEUES } from './queues';

export const DASHBOARD_PATH = '/queues';
export const DASHBOARD_COOKIE = 'mz_queue_dashboard';
export const DASHBOARD_PURPOSE = 'queue-dashboard';
export const DASHBOARD_SESSION_SECONDS = 3600;

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/**
 * The BullMQ dashboard at /queues, for operators of the platform only (its queues hold every
 * municipality's jobs): an operator opens a session with POST /api/v1/queues/session (bearer
 * token), which sets a short-lived signed cookie.
 */
@Injectable()
export class QueueDashboard implements OnApplicationBootstrap {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly tokens: LinkTokens,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify) return;
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QUEUES).map(
        (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })),
      ),
      serverAdapter,
      options: { uiConfig: { boardTitle: 'Mantelzorg queues' } },
    });
    await fastify.register(async (scope) => {
      scope.addHook('onRequest', (request, reply, done) => this.authorize(request, reply, done));
      await scope.register(serverAdapter.registerPlugin() as never, { prefix: DASHBOARD_PATH });
    });
  }

  private authorize(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
    const token = cookieValue(request, DASHBOARD_COOKIE);
    if (!token || !this.tokens.verify(DASHBOARD_PURPOSE, token)) {
      void reply
        .status(401)
        .header('content-type', 'text/plain; charset=utf-8')
        .send('Operators only: open a session with POST /api/v1/queues/session, then reload this page.');
      return;
    }
    // The dashboard's own page needs inline scripts; only here.
    void reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'",
    );
    done();
  }
}
