import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  AuditedByService,
  NoPersonalData,
  Page,
  PERSON_ROLES,
  RequestContext,
  Roles,
  routePattern,
  STAFF_ROLES,
} from '@app/platform';
import { FastifyRequest } from 'fastify';
import { AuditLog } from './audit-log';
import {
  AccessLogEntryDto,
  AccountParams,
  AuditEntryDto,
  AuditQuery,
  ErasureAcceptedDto,
  PersonalDataExportDto,
  ReasonDto,
} from './dto/privacy.dto';
import { ErasureService } from './erasure.service';
import { PersonalDataAccess } from './personal-data-access';

@ApiTags('privacy')
@Controller()
export class PrivacyController {
  constructor(
    private readonly access: PersonalDataAccess,
    private readonly erasure: ErasureService,
    private readonly audit: AuditLog,
    private readonly context: RequestContext,
  ) {}

  @Get('me/export')
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'Everything stored about me, as JSON (AVG inzage and dataportabiliteit)' })
  @ApiOkResponse({ type: PersonalDataExportDto })
  exportMine(): Promise<PersonalDataExportDto> {
    return this.access.exportOf(this.context.actor().id);
  }

  @Delete('me')
  @HttpCode(202)
  @Roles('carer', 'volunteer')
  @ApiOperation({ summary: 'Erase me: personal data anonymised, sign-ins ended, pending messages and jobs cancelled' })
  @ApiAcceptedResponse({ type: ErasureAcceptedDto })
  async eraseMe(): Promise<ErasureAcceptedDto> {
    await this.erasure.erase({ accountId: this.context.actor().id });
    return { status: 'erased' };
  }

  @Get('me/access-log')
  @Roles('carer', 'volunteer')
  @ApiOperation({
    summary: 'Who at the steunpunt (or, for regional respite, another municipality) looked at or changed my record',
  })
  @ApiPageResponse(AccessLogEntryDto)
  async accessToMine(@Query() query: AuditQuery): Promise<Page<AccessLogEntryDto>> {
    const page = await this.audit.accessToMine({ limit: query.limit, cursor: query.cursor });
    return {
      items: page.items.map(({ entry, actorName, otherMunicipality }) => ({
        at: entry.createdAt.toISOString(),
        actorRole: entry.actorRole,
        actorName,
        otherMunicipality,
        action: entry.action,
        subjectType: entry.subjectType,
      })),
      nextCursor: page.nextCursor,
    };
  }

  @Get('people/:accountId/export')
  @Roles(...STAFF_ROLES)
  @AuditedByService()
  @ApiOperation({ summary: "A person's data export, produced on their request; the reason is logged" })
  @ApiOkResponse({ type: PersonalDataExportDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  exportFor(
    @Param() params: AccountParams,
    @Query() query: ReasonDto,
    @Req() request: FastifyRequest,
  ): Promise<PersonalDataExportDto> {
    return this.access.exportFor(params.accountId, query.reason, routePattern(request));
  }

  @Post('people/:accountId/erasure')
  @HttpCode(202)
  @Roles(...STAFF_ROLES)
  @AuditedByService()
  @ApiOperation({ summary: 'Erase a carer or volunteer on their request; the reason is logged' })
  @ApiAcceptedResponse({ type: ErasureAcceptedDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async eraseFor(
    @Param() params: AccountParams,
    @Body() body: ReasonDto,
    @Req() request: FastifyRequest,
  ): Promise<ErasureAcceptedDto> {
    await this.erasure.erase({
      accountId: params.accountId,
      actor: this.context.actor(),
      reason: body.reason,
      route: routePattern(request),
    });
    return { status: 'erased' };
  }

  @Get('audit')
  @Roles('admin')
  @NoPersonalData()
  @ApiOperation({ summary: "The municipality's audit log, newest first" })
  @ApiPageResponse(AuditEntryDto)
  async list(@Query() query: AuditQuery): Promise<Page<AuditEntryDto>> {
    const { limit, cursor, from, to, ...filter } = query;
    const page = await this.audit.list(
      { ...filter, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined },
      { limit, cursor },
    );
    return { items: page.items.map(AuditEntryDto.from), nextCursor: page.nextCursor };
  }
}
