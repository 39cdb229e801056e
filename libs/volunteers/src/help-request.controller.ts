import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, Roles, STAFF_ROLES, pageOfList, PageQuery } from '@app/platform';
import {
  CreateHelpRequestDto,
  HelpRequestDto,
  HelpRequestListDto,
  SuggestionDto,
  SuggestionListDto,
  SuggestionQuery,
} from './dto/help-request.dto';
import { HelpRequestService } from './help-request.service';
import { SuggestionService } from './suggestions';

/** How many volunteers are ranked for a request; staff page through them best first. */
const RANKED_SUGGESTIONS = 200;

/** Help requests by carers (or staff for them), and ranked volunteer suggestions for staff. */
@ApiTags('volunteers')
@Controller()
export class HelpRequestController {
  constructor(
    private readonly requests: HelpRequestService,
    private readonly suggestions: SuggestionService,
  ) {}

  @Post('me/help-requests')
  @Roles('carer')
  @ApiOperation({ summary: 'Ask for a volunteer for one of my care relationships' })
  @ApiCreatedResponse({ type: HelpRequestDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 422: ['UNKNOWN_SKILL'] })
  async requestForMyself(@Body() body: CreateHelpRequestDto): Promise<HelpRequestDto> {
    const request = await this.requests.requestForMyself(body);
    return HelpRequestDto.from(request, this.requests.notesOf(request));
  }

  @Get('me/help-requests')
  @Roles('carer')
  @ApiOperation({ summary: 'My help requests, newest first' })
  @ApiOkResponse({ type: HelpRequestListDto })
  @ApiProblems()
  async mine(@Query() page: PageQuery): Promise<HelpRequestListDto> {
    const requests = (await this.requests.mine()).map((request) =>
      HelpRequestDto.from(request, this.requests.notesOf(request)),
    );
    return pageOfList(requests, page);
  }

  @Post('carers/:carerId/help-requests')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Ask for a volunteer on behalf of a carer of this municipality' })
  @ApiCreatedResponse({ type: HelpRequestDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 422: ['UNKNOWN_SKILL'] })
  async requestForCarer(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Body() body: CreateHelpRequestDto,
  ): Promise<HelpRequestDto> {
    const request = await this.requests.requestForCarer(carerId, body);
    return HelpRequestDto.from(request, this.requests.notesOf(request));
  }

  @Get('help-requests')
  @Audited('help_request', { answer: 'items' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Open help requests of this municipality, the longest waiting first' })
  @ApiOkResponse({ type: HelpRequestListDto })
  @ApiProblems()
  async open(@Query() page: PageQuery): Promise<HelpRequestListDto> {
    return pageOfList(
      (await this.requests.open()).map((request) => HelpRequestDto.from(request, null)),
      page,
    );
  }

  @Get('help-requests/:requestId')
  @Audited('help_request', { param: 'requestId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One help request, with its notes' })
  @ApiOkResponse({ type: HelpRequestDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async get(@Param('requestId', new ParseUUIDPipe()) requestId: string): Promise<HelpRequestDto> {
    const request = await this.requests.get(requestId);
    return HelpRequestDto.from(request, this.requests.notesOf(request));
  }

  @Get('help-requests/:requestId/suggestions')
  @Audited('help_request', { param: 'requestId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Volunteers for a request: hard filters, then ranked by a score with its reasons' })
  @ApiOkResponse({ type: SuggestionListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async suggest(
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Query() query: SuggestionQuery,
  ): Promise<SuggestionListDto> {
    const ranked = (await this.suggestions.suggest(requestId, RANKED_SUGGESTIONS)).map(SuggestionDto.from);
    return pageOfList(ranked, query, (suggestion) => suggestion.volunteerId);
  }
}
