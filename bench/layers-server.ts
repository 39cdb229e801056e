import 'reflect-metadata';
import { Controller, Get, Module, Query } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { refuseNulCharacters } from '../libs/platform/src/http/nul-characters';
import { addSecurityHeaders } from '../libs/platform/src/http/security-headers';
import { createValidationPipe } from '../libs/platform/src/http/validation';
import { REQUEST_LOG_FIELDS } from '../libs/platform/src/logging/logging.module';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import Fastify, { FastifyInstance } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import pino from 'pino';
import pinoHttp from 'pino-http';
import { Histogram, Registry } from 'prom-client';

/**
 * One HTTP server with chosen layers of the API's request pipeline, each the library and the
 * settings the API uses, answering a constant page: LAYERS=nest,helmet,logging,metrics,context,
 * validation,jwt,nul. Run by request-layers.bench.ts, one process per combination.
 */
const layers = new Set((process.env.LAYERS ?? '').split(',').filter(Boolean));
const port = Number(process.env.PORT);
const PAGE = { items: [], nextCursor: null };
const jwt = new JwtService({ secret: process.env.LAYERS_SECRET });
const context = new AsyncLocalStorage<Map<string, unknown>>();

class SearchQuery {
  @IsISO8601() from: string;
  @IsISO8601() to: string;
  @IsOptional() @IsIn(['day_care', 'at_home']) kind?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

@Controller()
class ConstantController {
  @Get('constant')
  @Reflect.metadata('design:paramtypes', [SearchQuery])
  async constant(@Query() _query: SearchQuery): Promise<typeof PAGE> {
    if (layers.has('jwt')) context.getStore()?.get('actor');
    return PAGE;
  }
}

@Module({ controllers: [ConstantController] })
class LayersModule {}

/** The hooks every variant shares, so each layer is measured the same way with and without Nest. */
async function addLayers(fastify: FastifyInstance): Promise<void> {
  if (layers.has('helmet')) addSecurityHeaders(fastify, false);
  if (layers.has('nul')) refuseNulCharacters(fastify, (_error, _request, reply) => void reply.code(400).send({}));
  if (layers.has('logging')) {
    // One JSON line per request, as the API writes at LOG_LEVEL=info, to a file rather than a terminal.
    const http = pinoHttp({ logger: pino({ level: 'info' }, createWriteStream('/dev/null')), ...REQUEST_LOG_FIELDS });
    fastify.addHook('onRequest', (request, reply, done) => {
      http(request.raw, reply.raw);
      done();
    });
  }
  if (layers.has('metrics')) {
    const histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [new Registry()],
    });
    fastify.addHook('onResponse', async (request, reply) => {
      histogram.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
  }
  if (layers.has('context') || layers.has('jwt'))
    fastify.addHook('onRequest', (_request, _reply, done) => context.run(new Map(), done));
  if (layers.has('jwt'))
    fastify.addHook('preHandler', async (request) => {
      const token = request.headers.authorization?.slice(7) ?? '';
      context.getStore()?.set('actor', await jwt.verifyAsync(token));
    });
}

async function main(): Promise<void> {
  const options = { genReqId: () => randomUUID() };
  if (layers.has('nest')) {
    const app = await NestFactory.create<NestFastifyApplication>(LayersModule, new FastifyAdapter(options), {
      logger: false,
    });
    await addLayers(app.getHttpAdapter().getInstance());
    if (layers.has('validation')) app.useGlobalPipes(createValidationPipe());
    await app.listen({ port, host: '127.0.0.1' });
  } else {
    const fastify = Fastify(options);
    await addLayers(fastify);
    fastify.get('/constant', async () => PAGE);
    await fastify.listen({ port, host: '127.0.0.1' });
  }
}

void main();
