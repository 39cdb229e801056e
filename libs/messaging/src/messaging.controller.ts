import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Optional,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ApiPageResponse,
  ApiProblems,
  Audited,
  NoPersonalData,
  NotFoundError,
  PERSON_ROLES,
  Page,
  PageQuery,
  RequestContext,
  Roles,
  STAFF_ROLES,
  mapPage,
} from '@app/platform';
import { DataSource } from 'typeorm';
import {
  CreateAnnouncementDto,
  FailedMessageDto,
  FanoutProgressDto,
  FanoutStartedDto,
  MessageLogEntryDto,
} from './dto/messaging.dto';
import { FanoutService } from './fanout/fanout.service';
import { MessageService } from './messages/message.service';
import { PostalAddress, PostalAddressBook, RecipientDirectory } from './messages/recipients';
import { csvLine } from './fanout/post-list';
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
    @Optional() private readonly addressBook?: PostalAddressBook,
  ) {}

  @Post('announcements')
  @NoPersonalData()
  @HttpCode(202)
  @Roles('admin')
  @ApiOperation({
    summary: 'Send a campaign message to everyone of the given roles (respects opt-out and post preference)',
  })
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
  @NoPersonalData()
  @Roles('admin')
  @ApiOperation({ summary: 'Progress of a fan-out while it runs' })
  @ApiOkResponse({ type: FanoutProgressDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  progress(@Param('fanoutId', new ParseUUIDPipe()) fanoutId: string): Promise<FanoutProgressDto> {
    return this.fanouts.progress(fanoutId);
  }

  @Get('fanouts/:fanoutId/post-recipients.csv')
  @Audited('fanout', { param: 'fanoutId' })
  @Roles('admin')
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'People of a fan-out who chose post, with their address, for the print shop (CSV)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV: name, postcode, house_number, language' })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async postRecipients(
    @Param('fanoutId', new ParseUUIDPipe()) fanoutId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    await this.fanouts.get(fanoutId);
    void reply.header('content-disposition', `attachment; filename="post-${fanoutId}.csv"`);
    const { fanouts, addressBook } = this;
    // Streamed a page at a time, so a list of tens of thousands stays small in memory.
    return Readable.from(
      (async function* () {
        yield csvLine(['name', 'postcode', 'house_number', 'language']);
        let after: string | null = null;
        for (;;) {
          const page = await fanouts.postRecipients(fanoutId, after, 1000);
          if (page.length === 0) return;
          const addresses = addressBook
            ? await addressBook.addresses(page.map((row) => row.accountId))
            : new Map<string, PostalAddress>();
          for (const row of page) {
            const address = addresses.get(row.accountId);
            yield csvLine([address?.name ?? '', address?.postcode ?? '', address?.houseNumber ?? '', row.language]);
          }
          after = page[page.length - 1].accountId;
        }
      })(),
    );
  }

  @Get('me/messages')
  @Roles(...PERSON_ROLES)
  @ApiOperation({ summary: 'Messages sent to me: what, when, status' })
  @ApiPageResponse(MessageLogEntryDto)
  async myMessages(@Query() page: PageQuery): Promise<Page<MessageLogEntryDto>> {
    return mapPage(await this.messages.logOf(this.context.actor().id, page), MessageLogEntryDto.from);
  }

  @Get('messages/failed')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Failed messages of this municipality, newest first, each with its reason',
    description:
      'outcome says why: failed_rejected (the mail server refused it; see smtpReplyCode), failed_retries_exhausted ' +
      '(temporary failures went on for MAIL_RETRY_HOURS) or failed_error (it could not be prepared).',
  })
  @ApiPageResponse(FailedMessageDto)
  async failedMessages(@Query() page: PageQuery): Promise<Page<FailedMessageDto>> {
    return mapPage(await this.messages.failed(page), FailedMessageDto.fromFailed);
  }

  @Post('messages/:messageId/retry')
  @HttpCode(200)
  @Audited('message', { param: 'messageId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Send a failed message again, from a first attempt' })
  @ApiOkResponse({ type: MessageLogEntryDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['MESSAGE_NOT_FAILED'] })
  async retry(@Param('messageId', new ParseUUIDPipe()) messageId: string): Promise<MessageLogEntryDto> {
    return MessageLogEntryDto.from(await this.messages.retry(messageId));
  }

  @Get('people/:accountId/messages')
  @Audited('account', { param: 'accountId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Communication log of a person of this municipality' })
  @ApiPageResponse(MessageLogEntryDto)
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async messagesOf(
    @Param('accountId', new ParseUUIDPipe()) accountId: string,
    @Query() page: PageQuery,
  ): Promise<Page<MessageLogEntryDto>> {
    const person = await this.recipients.get(accountId);
    if (!person || person.municipalityId !== this.context.municipalityId())
      throw new NotFoundError({ nl: 'De persoon', en: 'The person' });
    return mapPage(await this.messages.logOf(accountId, page), MessageLogEntryDto.from);
  }
}
