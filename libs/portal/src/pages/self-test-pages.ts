import { Injectable, OnModuleInit } from '@nestjs/common';
import { CarerService, EDIZ, ScreeningService } from '@app/carers';
import { FieldErrors } from '../form';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';

/** The EDIZ self-test: nine statements, the result explained, and what the steunpunt can do. */
@Injectable()
export class SelfTestPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly carers: CarerService,
    private readonly screenings: ScreeningService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/self-test', access: 'carer', handle: async (call) => this.form(call) },
      { method: 'POST', path: '/self-test', access: 'carer', handle: (call) => this.submit(call) },
    );
  }

  private form(call: PortalCall, errors: FieldErrors = {}): PortalResult {
    return {
      view: 'pages/self-test.eta',
      title: call.t.selfTestTitle,
      status: Object.keys(errors).length > 0 ? 400 : 200,
      errors,
      data: {
        statements: EDIZ.statements.map((statement, index) => ({
          name: `answer${index + 1}`,
          text: statement[call.lang],
        })),
        scale: EDIZ.scale[call.lang],
        values: call.form,
      },
    };
  }

  private async submit(call: PortalCall): Promise<PortalResult> {
    const answers = EDIZ.statements.map((_, index) => Number(call.form[`answer${index + 1}`] ?? 'x'));
    const errors: FieldErrors = {};
    answers.forEach((answer, index) => {
      if (!Number.isInteger(answer) || answer < 0 || answer >= EDIZ.scale.nl.length)
        errors[`answer${index + 1}`] = call.t.selfTestMissing;
    });
    if (Object.keys(errors).length > 0) return this.form(call, errors);
    const carer = await this.carers.mine();
    const outcome = await this.screenings.submit(carer, EDIZ.id, answers);
    const burden = outcome.result.burden;
    return {
      view: 'pages/self-test-result.eta',
      title: call.t.resultTitle,
      data: {
        score: call.t.resultScore
          .replace('{score}', String(outcome.result.score))
          .replace('{max}', String(outcome.result.maxScore)),
        explanation:
          burden === 'high' ? call.t.resultHigh : burden === 'moderate' ? call.t.resultModerate : call.t.resultLow,
        contact: outcome.signal !== null,
      },
    };
  }
}
