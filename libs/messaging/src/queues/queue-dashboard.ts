import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { LinkTokens } from '../links/link-tokens';
import { DashboardAction } from './dashboard-action.entity';
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
    @InjectDataSource() private readonly dataSource: DataSource,
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
      scope.addHook('onRequest', (request, reply) => this.authorize(request, reply));
      await scope.register(serverAdapter.registerPlugin() as never, { prefix: DASHBOARD_PATH });
    });
  }

  /**
   * Lets through an operator's session whose account is still an active operator (checked each
   * time: the dashboard is seldom used, and a disabled operator must not keep it for the hour),
   * and records every change asked of the dashboard before the dashboard acts on it.
   */
  private async authorize(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | void> {
    const token = cookieValue(request, DASHBOARD_COOKIE);
    const accountId = token ? this.tokens.verify(DASHBOARD_PURPOSE, token) : null;
    if (!accountId || !(await this.isActiveOperator(accountId))) {
      return reply
        .status(401)
        .header('content-type', 'text/plain; charset=utf-8')
        .send('Operators only: open a session with POST /api/v1/queues/session, then reload this page.');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      await this.dataSource.getRepository(DashboardAction).insert({
        actorAccountId: accountId,
        method: request.method,
        path: request.url.split('?')[0].slice(0, 500),
      });
    }
    // The dashboard's own page needs inline scripts; only here.
    void reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'",
    );
  }

  private async isActiveOperator(accountId: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>(
      `SELECT 1 FROM account WHERE id = $1 AND role = 'operator' AND disabled_at IS NULL AND erased_at IS NULL`,
      [accountId],
    );
    return rows.length === 1;
  }
}
