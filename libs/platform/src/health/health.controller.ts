import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/access.decorator';
import { DomainError } from '../http/domain-error';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({ summary: 'Whether Postgres and Redis answer' })
  @ApiOkResponse({ description: 'Postgres and Redis answer', schema: { example: { status: 'ok' } } })
  @ApiServiceUnavailableResponse({ description: 'Postgres or Redis does not answer (problem+json)' })
  async check() {
    try {
      return await this.health.check([
        () => this.database.pingCheck('database', { timeout: 1500 }),
        () => this.redis.isHealthy('redis'),
      ]);
    } catch (error) {
      const failing = Object.keys((error as { response?: { error?: object } }).response?.error ?? {});
      const names = failing.join(', ');
      throw new DomainError('SERVICE_UNAVAILABLE', 503, {
        nl: `Geen antwoord van: ${names || 'een onderdeel'}.`,
        en: `Not answering: ${names || 'a dependency'}.`,
      });
    }
  }
}
