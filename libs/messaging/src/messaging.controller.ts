import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiPageResponse, ApiProblems, mapPage, NotFoundError, Page, PageQuery, PERSON_ROLES, RequestContext, Roles, STAFF_ROLES } from '@app/platform';
import { DataSource } from 'typeorm';
import { CreateAnnouncementDto, FanoutProgressDto, FanoutStartedDto, MessageLogEntryDto } from './dto/messaging.dto';
import { FanoutService } from './fanout/fanout.service';
import { MessageService } from './messages/message.service';
import { RecipientDirectory } from './messages/recipients';
import { ANNOUNCEMENT } from './templates/announcement.kind';

@ApiTags('messages')
@Controller()
export class MessagingController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fanouts: FanoutService,
    private readonly messages: MessageService,
    private readonly recipients: RecipientDirectory,
    private readonly context: RequestContext,
  ) {}

  @Post('announcements')
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({ summary: 'Send a campaign message to everyone of the given roles (respects opt-out and post preference)' })
  @ApiAcceptedResponse({ type: FanoutStartedDto })
  @ApiProblems()
  async announce(@Body() body: CreateAnnouncementDto): Promise<FanoutStartedDto> {
    const fanout = await this.dataSource.transaction((manager) =>
      this.fanouts.start(manager, {
        kind: ANNOUNCEMENT,
        audience: { source: 'accounts', filter: { roles: body.audience.roles } },
        params: { subject: body.subject, body: body.body },
      }),
    );
    return { fanoutId: fanout.id };
  }

  @Get('fanouts/:fanoutId')
  @Roles('admin')
  @ApiOperation({ summary: 'Progress of a fan-out while it runs' })
  @ApiOkResponse({ type: FanoutProgressDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  progress(@Param('fanoutId', new ParseUUIDPipe()) fanoutId: string): Promise<FanoutProgressDto> {
    return this.fanouts.progress(fanoutId);
  }

  @Get('me/messages')
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'Messages sent to me: what, when, status' })
  @ApiPageResponse(MessageLogEntryDto)
  async myMessages(@Query() page: PageQuery): Promise<Page<MessageLogEntryDto>> {
    return mapPage(await this.messages.logOf(this.context.actor().id, page), MessageLogEntryDto.from);
  }

  @Get('people/:accountId/messages')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Communication log of a person of this municipality' })
  @ApiPageResponse(MessageLogEntryDto)
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async messagesOf(@Param('accountId', new ParseUUIDPipe()) accountId: string, @Query() page: PageQuery): Promise<Page<MessageLogEntryDto>> {
    const person = await this.recipients.get(accountId);
    if (!person || person.municipalityId !== this.context.municipalityId()) throw new NotFoundError('The person');
    return mapPage(await this.messages.logOf(accountId, page), MessageLogEntryDto.from);
  }
}
