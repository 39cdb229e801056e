import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiPageResponse,
  ApiProblems,
  Audited,
  NotFoundError,
  Page,
  Public,
  Roles,
  STAFF_ROLES,
  languageFromHeader,
  mapPage,
  pageOfList,
  PageQuery,
} from '@app/platform';
import { CarerService } from './carer.service';
import {
  CloseSignalDto,
  InstrumentDto,
  ScreeningDto,
  ScreeningListDto,
  ScreeningResultDto,
  SignalDto,
  SignalNoteDto,
  SignalNoteInputDto,
  SignalNoteListDto,
  SignalQuery,
  SubmitScreeningDto,
} from './dto/screening.dto';
import { INSTRUMENTS } from './screening-instruments';
import { ScreeningService } from './screening.service';
import { SignalService } from './signal.service';

@ApiTags('screening')
@Controller()
export class ScreeningController {
  constructor(
    private readonly screenings: ScreeningService,
    private readonly signals: SignalService,
    private readonly carers: CarerService,
  ) {}

  @Get('screening-instruments/:instrumentId')
  @Public()
  @ApiOperation({ summary: 'The statements of a screening instrument, in Dutch or (Accept-Language: en) English' })
  @ApiOkResponse({ type: InstrumentDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  instrument(
    @Param('instrumentId') instrumentId: string,
    @Headers('accept-language') acceptLanguage?: string,
  ): InstrumentDto {
    const instrument = INSTRUMENTS[instrumentId];
    if (!instrument) throw new NotFoundError({ nl: 'De vragenlijst', en: 'The instrument' });
    const language = languageFromHeader(acceptLanguage);
    return {
      id: instrument.id,
      version: instrument.version,
      name: instrument.name,
      statements: instrument.statements.map((statement) => statement[language]),
      scale: instrument.scale[language],
    };
  }

  @Post('me/screenings')
  @Roles('carer')
  @ApiOperation({ summary: 'Fill in the self-assessment; high burden asks the steunpunt to contact you' })
  @ApiCreatedResponse({ type: ScreeningResultDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED', 'UNKNOWN_INSTRUMENT'] })
  async submit(@Body() body: SubmitScreeningDto): Promise<ScreeningResultDto> {
    const carer = await this.carers.mine();
    const outcome = await this.screenings.submit(carer, body.instrument ?? 'ediz', body.answers);
    return ScreeningResultDto.fromResult(outcome.screening, outcome.result, outcome.signal !== null);
  }

  @Get('me/screenings')
  @Roles('carer')
  @ApiOperation({ summary: 'My earlier screenings, newest first' })
  @ApiOkResponse({ type: ScreeningListDto })
  async mine(@Query() page: PageQuery): Promise<ScreeningListDto> {
    const carer = await this.carers.mine();
    return pageOfList((await this.screenings.history(carer.id)).map(ScreeningDto.from), page);
  }

  @Get('carers/:carerId/screenings')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "A carer's burden history" })
  @ApiOkResponse({ type: ScreeningListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async ofCarer(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Query() page: PageQuery,
  ): Promise<ScreeningListDto> {
    await this.carers.get(carerId);
    return pageOfList((await this.screenings.history(carerId)).map(ScreeningDto.from), page);
  }

  @Get('signals')
  @Audited('signal', { answer: 'items' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Signals of this municipality, newest first' })
  @ApiPageResponse(SignalDto)
  async list(@Query() query: SignalQuery): Promise<Page<SignalDto>> {
    const { limit, cursor, ...filter } = query;
    return mapPage(await this.signals.list(filter, { limit, cursor }), SignalDto.from);
  }

  @Post('signals/:signalId/claim')
  @Audited('signal', { param: 'signalId' })
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Take an open signal' })
  @ApiOkResponse({ type: SignalDto })
  @ApiProblems({ 404: ['NOT_FOUND'], 409: ['SIGNAL_NOT_OPEN'] })
  async claim(@Param('signalId', new ParseUUIDPipe()) signalId: string): Promise<SignalDto> {
    return SignalDto.from(await this.signals.claim(signalId));
  }

  @Post('signals/:signalId/notes')
  @Audited('signal', { param: 'signalId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Add a note (stored encrypted)' })
  @ApiCreatedResponse({ type: SignalNoteDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async addNote(
    @Param('signalId', new ParseUUIDPipe()) signalId: string,
    @Body() body: SignalNoteInputDto,
  ): Promise<SignalNoteDto> {
    const note = await this.signals.addNote(signalId, body.text);
    return { id: note.id, authorId: note.authorId, text: body.text, createdAt: note.createdAt.toISOString() };
  }

  @Get('signals/:signalId/notes')
  @Audited('signal', { param: 'signalId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Notes on a signal' })
  @ApiOkResponse({ type: SignalNoteListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async notes(
    @Param('signalId', new ParseUUIDPipe()) signalId: string,
    @Query() page: PageQuery,
  ): Promise<SignalNoteListDto> {
    const notes = (await this.signals.notesOf(signalId)).map(({ note, text }) => ({
      id: note.id,
      authorId: note.authorId,
      text,
      createdAt: note.createdAt.toISOString(),
    }));
    return pageOfList(notes, page);
  }

  @Post('signals/:signalId/close')
  @Audited('signal', { param: 'signalId' })
  @HttpCode(200)
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Close a signal, optionally with a note of what was done' })
  @ApiOkResponse({ type: SignalDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async close(
    @Param('signalId', new ParseUUIDPipe()) signalId: string,
    @Body() body: CloseSignalDto,
  ): Promise<SignalDto> {
    return SignalDto.from(await this.signals.close(signalId, body.note));
  }
}
