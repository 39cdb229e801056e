import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { LogFn, Logger } from 'pino';
import { AppConfig } from '../config';

/** Nest's start-up lines (each module, route and mapping) say nothing an operator acts on; warnings still show. */
const STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);
const INFO = 30;

function skipStartupChatter(this: Logger, args: Parameters<LogFn>, method: LogFn, level: number): void {
  const [first] = args;
  const context = typeof first === 'object' && first !== null ? (first as { context?: unknown }).context : undefined;
  if (level <= INFO && typeof context === 'string' && STARTUP_CONTEXTS.has(context)) return;
  method.apply(this, args);
}

/** What a request's log line holds: method, path without the query, status and the request id. */
export const REQUEST_LOG_FIELDS = {
  serializers: {
    req: (req: { id: string; method: string; url: string }) => ({
      id: req.id,
      method: req.method,
      path: req.url.split('?')[0],
    }),
    res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  },
  redact: { paths: ['req.headers', 'res.headers', '*.password', '*.email', '*.token'], remove: true },
};

/**
 * JSON logs with the request id on every line. Only method, route and status of a
 * request are logged: no bodies, query strings (they carry tokens) or headers.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A named wildcard: the bare '*' default makes Nest 11 warn that it converts a legacy route.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          level: config.logLevel,
          hooks: { logMethod: skipStartupChatter },
          quietReqLogger: false,
          customLogLevel: (_req, res, error) =>
            error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
          ...REQUEST_LOG_FIELDS,
        },
      }),
    }),
  ],
})
export class LoggingModule {}
