import { Injectable, OnModuleInit } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import { AnswerQuestionDto, AskQuestionDto, QuestionService, QuestionView, SocialMapService } from '@app/intake';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { checkForm, FieldErrors } from '../form';
import { PortalAudit } from '../portal-audit';
import { notFoundPage, PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';
import { topicOptions, topicText } from '../topic-text';

/**
 * Questions to the steunpunt: carers ask and read the answers; staff read a question (audited),
 * answer it with pointers to the social map, and note one down for a carer on the phone.
 */
@Injectable()
export class QuestionPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly questions: QuestionService,
    private readonly socialMap: SocialMapService,
    private readonly municipalities: MunicipalityService,
    private readonly audit: PortalAudit,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/questions', access: 'carer', handle: (call) => this.mine(call) },
      { method: 'POST', path: '/questions', access: 'carer', handle: (call) => this.ask(call) },
      { method: 'GET', path: '/questions/:questionId', access: 'staff', handle: (call) => this.question(call) },
      {
        method: 'POST',
        path: '/questions/:questionId/answer',
        access: 'staff',
        handle: (call) => this.answer(call),
      },
      {
        method: 'POST',
        path: '/carers/:carerId/questions',
        access: 'staff',
        handle: (call) => this.askFor(call),
      },
    );
  }

  private async mine(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null): Promise<PortalResult> {
    const [municipality, questions] = await Promise.all([this.municipalities.current(), this.questions.mine()]);
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    return {
      view: 'pages/questions.eta',
      title: call.t.questionsTitle,
      status: submitted ? 400 : 200,
      errors,
      data: {
        problem,
        values: submitted ? call.form : { topic: municipality.settings.questionTopics[0] },
        topics: topicOptions(call.t, municipality.settings.questionTopics),
        questions: questions.map((view) => this.describe(call, view, municipality.timezone)),
      },
    };
  }

  private async ask(call: PortalCall): Promise<PortalResult> {
    const checked = await checkForm(AskQuestionDto, { topic: call.form.topic, text: call.form.text?.trim() }, call.t);
    if (!checked.ok) return this.mine(call, checked.errors);
    try {
      await this.questions.askMine(checked.value);
    } catch (error) {
      return this.mine(call, {}, ruleBroken(error, call.lang));
    }
    return { redirect: '/questions', notice: call.t.questionAsked };
  }

  private async question(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const questionId = call.params.questionId ?? '';
    if (!isUUID(questionId)) return notFoundPage(call);
    const view = await this.questions.get(questionId);
    await this.audit.read('GET /questions/:questionId', 'carer_question', [view.question.id]);
    const municipality = await this.municipalities.current();
    const entries = await this.socialMap.search(municipality.id, { topic: view.question.topic });
    return {
      view: 'pages/question.eta',
      title: call.t.questionTitle,
      status,
      data: {
        problem,
        question: this.describe(call, view, municipality.timezone),
        entries: entries.map((entry) => ({ id: entry.id, organisation: entry.organisation })),
      },
    };
  }

  private async answer(call: PortalCall): Promise<PortalResult> {
    const questionId = call.params.questionId ?? '';
    if (!isUUID(questionId)) return notFoundPage(call);
    const checked = await checkForm(
      AnswerQuestionDto,
      {
        text: call.form.text?.trim(),
        socialMapEntryIds: Object.keys(call.form)
          .filter((key) => key.startsWith('entry-'))
          .map((key) => key.slice('entry-'.length)),
      },
      call.t,
    );
    if (!checked.ok) return this.question(call, call.t.answerEmpty, 400);
    try {
      await this.audit.change('POST /questions/:questionId/answer', 'carer_question', [questionId], () =>
        this.questions.answer(questionId, checked.value),
      );
    } catch (error) {
      return this.question(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
    return { redirect: `/questions/${questionId}`, notice: call.t.answerSent };
  }

  private async askFor(call: PortalCall): Promise<PortalResult> {
    const carerId = call.params.carerId ?? '';
    if (!isUUID(carerId)) return notFoundPage(call);
    const checked = await checkForm(AskQuestionDto, { topic: call.form.topic, text: call.form.text?.trim() }, call.t);
    if (!checked.ok) return { redirect: `/carers/${carerId}`, notice: call.t.answerEmpty };
    const view = await this.audit.change('POST /carers/:carerId/questions', 'carer', [carerId], () =>
      this.questions.askFor(carerId, checked.value),
    );
    return { redirect: `/questions/${view.question.id}`, notice: call.t.questionAsked };
  }

  private describe(call: PortalCall, view: QuestionView, timezone: string) {
    const status = { open: 'received', claimed: 'in_progress', closed: 'closed' }[view.signal.status];
    return {
      id: view.question.id,
      carerId: view.question.carerId,
      topic: topicText(call.t, view.question.topic),
      text: view.text,
      status: call.t.questionStatus[status] ?? status,
      open: view.signal.status !== 'closed',
      askedOn: dateTimeText(view.question.createdAt, call.lang, timezone),
      due: dateTimeText(view.signal.dueAt, call.lang, timezone),
      answers: view.answers.map((answer) => ({
        at: dateTimeText(answer.createdAt, call.lang, timezone),
        text: answer.text,
        entries: answer.socialMapEntries.map((entry) => ({
          organisation: entry.organisation,
          contact: entry.contact,
          openingHours: entry.openingHours,
          website: entry.website,
        })),
      })),
    };
  }
}
