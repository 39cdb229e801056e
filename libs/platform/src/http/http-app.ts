import { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { OperationObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { readEnvironment } from '../config/config.module';
import { parseTrustProxy } from '../config/trust-proxy';
import { Metrics } from '../metrics/metrics';
import { refuseNulCharacters } from './nul-characters';
import { languageFromHeader } from './problem-titles';
import { ProblemFilter, sendProblem } from './problem.filter';
import { securityHeaderSetter } from './security-headers';
import { createValidationPipe } from './validation';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
export const API_PREFIX = 'api/v1';
/** Served outside /api/v1: operations endpoints and the pages that emailed links open. */
export const UNPREFIXED_PATHS = ['health', 'metrics'];

export interface HttpAppOptions {
  /** Routes outside the API prefix, besides health and metrics (e.g. link pages). */
  unprefixed?: string[];
  openApi?: boolean;
}

/** The Fastify application with the conventions of CONTRACT.md: prefix, problem+json, validation, docs, headers. */
export async function createHttpApp(
  module: Type<unknown>,
  options: HttpAppOptions = {},
): Promise<NestFastifyApplication> {
  const env = readEnvironment();
  const filter = new ProblemFilter();
  const answerProblem = (error: unknown, request: FastifyRequest, reply: FastifyReply) =>
    sendProblem(reply, filter.toProblem(error, languageFromHeader(request.headers['accept-language'])).problem);
  // Over plain http (development only) a browser must not be told to switch to https.
  const https = env.APP_BASE_URL.startsWith('https:');
  const setSecurityHeaders = securityHeaderSetter(https);
  const adapter = new FastifyAdapter({
    // What the router refuses itself (a malformed or overlong path) is a problem like any other,
    // with the headers of any answer; no hook has run for it.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) => {
      void reply.header('x-request-id', request.id);
      setSecurityHeaders(request, reply, () => answerProblem(error, request, reply));
    },
    bodyLimit: 1024 * 1024,
    trustProxy: parseTrustProxy(env.TRUST_PROXY) ?? false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(Metrics);
  fastify.addHook('onRequest', async (request, reply) => {
    (request.raw as { id?: string }).id = request.id;
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  refuseNulCharacters(fastify, answerProblem);

  fastify.addHook('onRequest', setSecurityHeaders);
  app.setGlobalPrefix(API_PREFIX, { exclude: [...UNPREFIXED_PATHS, ...(options.unprefixed ?? [])] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(filter);
  if (options.openApi !== false) setUpOpenApi(app);
  return app;
}

function setUpOpenApi(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Mantelzorg platform API')
    .setDescription(
      'For municipalities and mantelzorgsteunpunten. Errors are application/problem+json (RFC 9457) with a stable `code`. ' +
        'Lists take `limit` (max 100) and `cursor`. POSTs that create or spend accept an `Idempotency-Key` header.',
    )
    .setVersion('1')
    .addServer('/', 'This deployment')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key' }, 'apiKey')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  mergeProblemDescriptions(document);
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, OperationObject | undefined>)) {
      // Routes open to anyone say so, rather than leaving security undefined.
      if (operation && !operation.security) operation.security = [];
    }
    const post = operations.post;
    if (!post || post.parameters?.some((parameter) => 'name' in parameter && parameter.name === 'Idempotency-Key'))
      continue;
    post.parameters = post.parameters ?? [];
    post.parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Repeat a POST safely: the same key and body answer the first result again.',
      schema: { type: 'string', minLength: 8, maxLength: 200 },
    });
  }
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

/**
 * A status documented both by a controller and by one of its routes gets one description listing
 * each problem code once, not the two texts run together.
 */
function mergeProblemDescriptions(document: OpenAPIObject): void {
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations as Record<string, OperationObject | undefined>)) {
      for (const response of Object.values(operation?.responses ?? {}) as Array<{ description?: string }>) {
        const parts = response.description?.split('\n\n') ?? [];
        if (parts.length < 2 || !parts.every((part) => part.startsWith('Problem: '))) continue;
        const codes = new Set(parts.flatMap((part) => part.slice('Problem: '.length).split(', ')));
        response.description = `Problem: ${[...codes].join(', ')}`;
      }
    }
  }
}
