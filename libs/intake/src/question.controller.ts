import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Audited, pageOfList, PageQuery, Roles, STAFF_ROLES } from '@app/platform';
import { AnswerDto, AnswerQuestionDto, AskQuestionDto, QuestionDto, QuestionListDto } from './dto/question.dto';
import { SocialMapEntryDto } from './dto/social-map.dto';
import { QuestionService } from './question.service';

/** A carer's own questions to the steunpunt, and staff answering them. */
@ApiTags('questions')
@Controller()
export class QuestionController {
  constructor(private readonly questions: QuestionService) {}

  @Post('me/questions')
  @Roles('carer')
  @ApiOperation({ summary: 'Ask the steunpunt a question; it joins the caseload with a due date' })
  @ApiCreatedResponse({ type: QuestionDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 422: ['UNKNOWN_TOPIC'] })
  async ask(@Body() body: AskQuestionDto): Promise<QuestionDto> {
    return QuestionDto.from(await this.questions.askMine(body));
  }

  @Get('me/questions')
  @Roles('carer')
  @ApiOperation({ summary: 'My questions, newest first, with their status and answers' })
  @ApiOkResponse({ type: QuestionListDto })
  @ApiProblems()
  async mine(@Query() page: PageQuery): Promise<QuestionListDto> {
    return pageOfList((await this.questions.mine()).map(QuestionDto.from), page);
  }

  @Get('me/questions/:questionId')
  @Roles('carer')
  @ApiOperation({ summary: 'One of my questions' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async oneOfMine(@Param('questionId', new ParseUUIDPipe()) questionId: string): Promise<QuestionDto> {
    return QuestionDto.from(await this.questions.getMine(questionId));
  }

  @Post('carers/:carerId/questions')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "Write down a carer's question on their behalf (phone, desk)" })
  @ApiCreatedResponse({ type: QuestionDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 422: ['UNKNOWN_TOPIC'] })
  async askFor(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Body() body: AskQuestionDto,
  ): Promise<QuestionDto> {
    return QuestionDto.from(await this.questions.askFor(carerId, body));
  }

  @Get('carers/:carerId/questions')
  @Audited('carer', { param: 'carerId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: "A carer's questions, newest first" })
  @ApiOkResponse({ type: QuestionListDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async ofCarer(
    @Param('carerId', new ParseUUIDPipe()) carerId: string,
    @Query() page: PageQuery,
  ): Promise<QuestionListDto> {
    return pageOfList((await this.questions.ofCarerChecked(carerId)).map(QuestionDto.from), page);
  }

  @Get('questions/:questionId')
  @Audited('carer_question', { param: 'questionId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'A question with its answers' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiProblems({ 404: ['NOT_FOUND'] })
  async get(@Param('questionId', new ParseUUIDPipe()) questionId: string): Promise<QuestionDto> {
    return QuestionDto.from(await this.questions.get(questionId));
  }

  @Post('questions/:questionId/answers')
  @Audited('carer_question', { param: 'questionId' })
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'Answer a question, optionally pointing at the social map; the carer is mailed that there is an answer',
  })
  @ApiCreatedResponse({ type: AnswerDto })
  @ApiProblems({ 400: ['VALIDATION_FAILED'], 404: ['NOT_FOUND'], 422: ['UNKNOWN_SOCIAL_MAP_ENTRY'] })
  async answer(
    @Param('questionId', new ParseUUIDPipe()) questionId: string,
    @Body() body: AnswerQuestionDto,
  ): Promise<AnswerDto> {
    const answer = await this.questions.answer(questionId, body);
    return {
      id: answer.id,
      createdAt: answer.createdAt.toISOString(),
      text: answer.text,
      socialMapEntries: answer.socialMapEntries.map(SocialMapEntryDto.from),
    };
  }
}
