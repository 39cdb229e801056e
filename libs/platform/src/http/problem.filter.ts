import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, GENERIC_DETAILS } from './domain-error';
import { LocalText } from './local-text';
import { PROBLEM_CONTENT_TYPE, Problem, problemType } from './problem';
import { codeForStatus, languageFromHeader, problemTitle } from './problem-titles';

/** Turns every error into problem+json; nothing internal (stack, SQL, class names) reaches a client. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { problem, headers } = this.toProblem(exception, languageFromHeader(request.headers['accept-language']));
    if (problem.status >= 500) {
      this.logger.error({ error: describeSafely(exception), code: problem.code }, 'request failed');
    }
    sendProblem(reply, problem, headers);
  }

  toProblem(exception: unknown, language: 'nl' | 'en'): { problem: Problem; headers: Record<string, string> } {
    if (exception instanceof DomainError) {
      return {
        problem: buildProblem(exception.code, exception.status, exception.detail, language, exception.errors),
        headers: exception.headers,
      };
    }
    const status = statusOf(exception);
    const code = codeForStatus(status);
    const detail =
      status === 400
        ? clientSafeMessage(exception)
        : (GENERIC_DETAILS[status] ?? GENERIC_DETAILS[status < 500 ? 400 : 500]);
    return { problem: buildProblem(code, status, detail, language, []), headers: {} };
  }
}

export function buildProblem(
  code: string,
  status: number,
  detail: LocalText,
  language: 'nl' | 'en',
  errors: Problem['errors'],
): Problem {
  return {
    type: problemType(code),
    title: problemTitle(code, language),
    status,
    detail: detail[language],
    code,
    errors,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}): void {
  if (reply.sent) return;
  void reply.status(problem.status).headers(headers).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
}

/** What to log of an unexpected error: its kind, message and stack, never query parameters or row values. */
function describeSafely(exception: unknown): Record<string, unknown> {
  if (!(exception instanceof Error)) return { kind: typeof exception };
  const driverCode = (exception as { driverError?: { code?: string } }).driverError?.code;
  return {
    kind: exception.constructor.name,
    message: exception.message.split('\n')[0],
    driverCode,
    stack: exception.stack?.split('\n').slice(1, 6).join('\n'),
  };
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  const status = (exception as { statusCode?: unknown })?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/** Fastify's own 4xx messages (bad JSON, empty body) are safe to pass on; nothing else is. */
function clientSafeMessage(exception: unknown): LocalText {
  const code = (exception as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('FST_ERR_CTP'))
    return { nl: 'De gegevens zijn geen geldige JSON.', en: 'The request body is not valid JSON.' };
  return GENERIC_DETAILS[400];
}
