import { Controller, Get, Header, Headers } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../auth/access.decorator';
import { AppConfig } from '../config/app-config';
import { ApiProblems } from '../http/api-problems';
import { ForbiddenError, UnauthenticatedError } from '../http/domain-error';
import { Metrics } from './metrics';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'Prometheus metrics of this process',
    description:
      'With METRICS_TOKEN set, only for `Authorization: Bearer <METRICS_TOKEN>`; without it, open in development and closed in production.',
  })
  @ApiOkResponse({ description: 'Prometheus text format' })
  @ApiProblems({ 401: ['UNAUTHENTICATED'], 403: ['FORBIDDEN'] })
  scrape(@Headers('authorization') authorization?: string): Promise<string> {
    const access = this.config.metrics;
    if ('token' in access) {
      const given = Buffer.from(authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '');
      const expected = Buffer.from(access.token);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new UnauthenticatedError();
    } else if (!access.open) {
      throw new ForbiddenError('FORBIDDEN', {
        nl: 'Metrieken zijn in productie alleen te lezen met METRICS_TOKEN.',
        en: 'In production, metrics are read only with METRICS_TOKEN.',
      });
    }
    return this.metrics.registry.metrics();
  }
}
