import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, NoPersonalData, pageOfList, PageQuery, Roles, STAFF_ROLES } from '@app/platform';
import {
  AnswerFeedbackDto,
  FeedbackCommentListDto,
  FeedbackRequestDto,
  FeedbackRequestListDto,
  FeedbackResultsDto,
  FeedbackYearQuery,
} from './dto/feedback.dto';
import { FeedbackService } from './feedback.service';

/** The short question afterwards: answered by the person, read back as figures (and words, by staff). */
@ApiTags('feedback')
@Controller()
export class FeedbackController {
  constructor(private readonly feedback: FeedbackService) {}

  @Get('me/feedback')
  @Roles('carer', 'volunteer')
  @ApiOperation({ summary: 'My questions still to answer' })
  @ApiOkResponse({ type: FeedbackRequestListDto })
  @ApiProblems()
  async pending(@Query() page: PageQuery): Promise<FeedbackRequestListDto> {
    return pageOfList((await this.feedback.pendingMine()).map(FeedbackRequestDto.from), page);
  }

  @Post('me/feedback/:requestId')
  @HttpCode(200)
  @Roles('carer', 'volunteer')
  @ApiOperation({ summary: 'Answer once: a score from 1 to 5 and, if you like, a few words' })
  @ApiOkResponse({ type: FeedbackRequestDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'] })
  async answer(
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Body() body: AnswerFeedbackDto,
  ): Promise<FeedbackRequestDto> {
    return FeedbackRequestDto.from(await this.feedback.answerMine(requestId, body.score, body.text));
  }

  @Get('reports/feedback')
  @NoPersonalData()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Satisfaction per kind, offer or activity, and month of a year; fewer than five answers shown as "<5"',
  })
  @ApiOkResponse({ type: FeedbackResultsDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'] })
  async results(@Query() query: FeedbackYearQuery): Promise<FeedbackResultsDto> {
    const rows = await this.feedback.results(query.year);
    return { year: query.year, rows };
  }

  @Get('feedback/comments')
  @Audited('feedback_request', { answer: 'items' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'The words people wrote, with what and when but never who (staff only)' })
  @ApiOkResponse({ type: FeedbackCommentListDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'] })
  async comments(@Query() query: FeedbackYearQuery): Promise<FeedbackCommentListDto> {
    const { year, ...page } = query;
    return pageOfList(await this.feedback.comments(year), page);
  }
}
