import { Body, Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ApiPageResponse, ApiProblems, Audited, mapPage, Page, PageQuery, Roles, STAFF_ROLES } from '@app/platform';
import { FastifyReply } from 'fastify';
import { csvLine } from '../fanout/post-list';
import { LettersQuery, MarkPrintedDto, PrintedDto, WaitingLetterDto } from '../dto/print-queue.dto';
import { lettersHtml } from './letters-html';
import { PrintQueue } from './print-queue';

/** The print queue: letters for people who chose post, printed by the steunpunt and marked printed. */
@ApiTags('messages')
@Controller('print-queue')
@Roles(...STAFF_ROLES)
export class PrintQueueController {
  constructor(private readonly queue: PrintQueue) {}

  @Get()
  @Audited('message', { answer: 'items' })
  @ApiOperation({ summary: 'Letters waiting to be printed, with name and address, newest first' })
  @ApiPageResponse(WaitingLetterDto)
  async waiting(@Query() page: PageQuery): Promise<Page<WaitingLetterDto>> {
    return mapPage(await this.queue.waiting(page), WaitingLetterDto.from);
  }

  @Get('letters.csv')
  @Audited('message', { query: 'ids' })
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="brieven.csv"')
  @ApiOperation({ summary: 'The given waiting letters with their text, for a print shop (CSV)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'CSV: message_id, name, postcode, house_number, language, subject, text' })
  @ApiProblems()
  async lettersCsv(@Query() query: LettersQuery): Promise<string> {
    const letters = await this.queue.printable(query.ids);
    return [
      csvLine(['message_id', 'name', 'postcode', 'house_number', 'language', 'subject', 'text']),
      ...letters.map((letter) =>
        csvLine([
          letter.message.id,
          letter.address?.name ?? '',
          letter.address?.postcode ?? '',
          letter.address?.houseNumber ?? '',
          letter.message.language,
          letter.subject,
          letter.text,
        ]),
      ),
    ].join('');
  }

  @Get('letters')
  @Audited('message', { query: 'ids' })
  @ApiOperation({ summary: 'The given waiting letters as printable pages, one letter a page (HTML)' })
  @ApiProduces('text/html')
  @ApiOkResponse({ description: 'HTML for the browser to print' })
  @ApiProblems()
  async lettersPage(@Query() query: LettersQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const letters = await this.queue.printable(query.ids);
    void reply.header('content-type', 'text/html; charset=utf-8');
    // The letters' date as people in the Netherlands read it.
    const printedOn = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' }).format(
      new Date(),
    );
    return lettersHtml(letters, printedOn);
  }

  @Post('printed')
  @HttpCode(200)
  @Audited('message', { bodyIds: 'messageIds' })
  @ApiOperation({ summary: 'Mark letters printed: they count as sent in the communication log' })
  @ApiOkResponse({ type: PrintedDto })
  @ApiProblems()
  async printed(@Body() body: MarkPrintedDto): Promise<PrintedDto> {
    return { printed: await this.queue.markPrinted(body.messageIds) };
  }
}
