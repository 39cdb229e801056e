import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { AppConfig, NoPersonalData, RequestContext, Roles } from '@app/platform';
import { FastifyReply } from 'fastify';
import { LinkTokens } from '../links/link-tokens';
import { DASHBOARD_COOKIE, DASHBOARD_PATH, DASHBOARD_PURPOSE, DASHBOARD_SESSION_SECONDS } from './queue-dashboard';

class DashboardSessionDto {
  @ApiProperty({ example: '/queues' }) url: string;
  @ApiProperty({ example: 3600 }) expiresIn: number;
}

@ApiTags('operations')
@Controller('queues')
export class QueueDashboardController {
  constructor(
    private readonly tokens: LinkTokens,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
  ) {}

  @Post('session')
  @NoPersonalData()
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({
    summary: 'Open the queue dashboard (/queues) in this browser for an hour: sets an HttpOnly cookie (operators only)',
  })
  @ApiOkResponse({ type: DashboardSessionDto })
  openSession(@Res({ passthrough: true }) reply: FastifyReply): DashboardSessionDto {
    const token = this.tokens.sign(DASHBOARD_PURPOSE, this.context.actor().id, DASHBOARD_SESSION_SECONDS);
    const secure = this.config.http.baseUrl.startsWith('https:') ? '; Secure' : '';
    void reply.header(
      'set-cookie',
      `${DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${DASHBOARD_PATH}; Max-Age=${DASHBOARD_SESSION_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
    );
    return { url: DASHBOARD_PATH, expiresIn: DASHBOARD_SESSION_SECONDS };
  }
}
