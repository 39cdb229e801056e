import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  AppConfig,
  mapPage,
  NoPersonalData,
  Page,
  PageQuery,
  paginate,
  RequestContext,
  Roles,
} from '@app/platform';
import { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { DashboardAction } from './dashboard-action.entity';
import { LinkTokens } from '../links/link-tokens';
import { DASHBOARD_COOKIE, DASHBOARD_PATH, DASHBOARD_PURPOSE, DASHBOARD_SESSION_SECONDS } from './queue-dashboard';

class DashboardSessionDto {
  @ApiProperty({ example: '/queues' }) url: string;
  @ApiProperty({ example: 3600 }) expiresIn: number;
}

class DashboardActionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid' }) actorAccountId: string;
  @ApiProperty({ example: 'PUT' }) method: string;
  @ApiProperty({ example: '/queues/api/queues/pause' }) path: string;

  static from(action: DashboardAction): DashboardActionDto {
    return {
      id: action.id,
      at: action.createdAt.toISOString(),
      actorAccountId: action.actorAccountId,
      method: action.method,
      path: action.path,
    };
  }
}

@ApiTags('operations')
@Controller('queues')
export class QueueDashboardController {
  constructor(
    private readonly tokens: LinkTokens,
    private readonly context: RequestContext,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('actions')
  @NoPersonalData()
  @Roles('operator')
  @ApiOperation({ summary: 'What operators changed through the queue dashboard, newest first (operators only)' })
  @ApiPageResponse(DashboardActionDto)
  async actions(@Query() page: PageQuery): Promise<Page<DashboardActionDto>> {
    const query = this.dataSource.getRepository(DashboardAction).createQueryBuilder('action');
    return mapPage(await paginate(query, page), DashboardActionDto.from);
  }

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
