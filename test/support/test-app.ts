import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomInt } from 'node:crypto';
import { createHttpApp } from '@app/platform';
import { ApiModule } from '../../apps/api/src/api.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { SmtpSink } from './smtp-sink';

export interface HttpAnswer<T = any> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: T;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  /** Client address; each TestApp has its own so sign-in throttles of tests never meet. */
  ip?: string;
}

/** The real API in-process (Fastify inject: the full request pipeline, no socket), with an SMTP sink. */
export class TestApp {
  readonly ip = `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;

  constructor(
    readonly app: NestFastifyApplication,
    readonly smtp: SmtpSink,
    /** The worker (outbox relay and processors) in this process, when started with `worker: true`. */
    readonly worker: INestApplicationContext | null,
  ) {}

  static async start(options: { env?: Record<string, string>; worker?: boolean } = {}): Promise<TestApp> {
    const smtp = new SmtpSink();
    process.env.SMTP_URL = await smtp.start();
    process.env.APP_BASE_URL = 'http://localhost:3000';
    Object.assign(process.env, options.env ?? {});
    const app = await createHttpApp(ApiModule);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    const worker = options.worker ? await NestFactory.createApplicationContext(WorkerModule, { logger: false }) : null;
    await worker?.init();
    return new TestApp(app, smtp, worker);
  }

  get<T = any>(url: string, options: RequestOptions = {}): Promise<HttpAnswer<T>> {
    return this.request<T>('GET', url, options);
  }

  post<T = any>(url: string, options: RequestOptions = {}): Promise<HttpAnswer<T>> {
    return this.request<T>('POST', url, options);
  }

  patch<T = any>(url: string, options: RequestOptions = {}): Promise<HttpAnswer<T>> {
    return this.request<T>('PATCH', url, options);
  }

  async request<T = any>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: RequestOptions = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await this.app.inject({ method, url, headers, payload, remoteAddress: options.ip ?? this.ip });
    const text = response.body;
    const type = String(response.headers['content-type'] ?? '');
    return {
      status: response.statusCode,
      headers: response.headers,
      body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
    };
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.app.close();
    await this.smtp.stop();
  }
}
