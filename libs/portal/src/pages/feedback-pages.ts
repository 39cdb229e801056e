import { Injectable, OnModuleInit } from '@nestjs/common';
import { FeedbackService } from '@app/intake';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { notFoundPage, PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/** The short questions afterwards, in the portal as well as by the emailed link: a score and a few words, once. */
@Injectable()
export class FeedbackPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly feedback: FeedbackService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/feedback-questions', access: 'person', handle: (call) => this.list(call) },
      {
        method: 'POST',
        path: '/feedback-questions/:requestId',
        access: 'person',
        handle: (call) => this.answer(call),
      },
    );
  }

  private async list(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const pending = await this.feedback.pendingMine();
    return {
      view: 'pages/feedback.eta',
      title: call.t.feedbackTitle,
      status,
      data: {
        problem,
        questions: pending.map((request) => ({
          id: request.id,
          about: request.aboutName === 'volunteer_help' ? call.t.feedbackKinds.volunteer_match : request.aboutName,
          kind: call.t.feedbackKinds[request.subjectType] ?? request.subjectType,
          on: request.happenedOn,
        })),
      },
    };
  }

  private async answer(call: PortalCall): Promise<PortalResult> {
    const requestId = call.params.requestId ?? '';
    if (!isUUID(requestId)) return notFoundPage(call);
    const score = Number(call.form.score);
    if (!Number.isInteger(score) || score < 1 || score > 5) return this.list(call, call.t.feedbackChooseScore, 400);
    try {
      await this.feedback.answerMine(requestId, score, call.form.text);
    } catch (error) {
      return this.list(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
    return { redirect: '/feedback-questions', notice: call.t.feedbackThanks };
  }
}
