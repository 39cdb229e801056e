import { Injectable, OnModuleInit } from '@nestjs/common';
import { SignalService } from '@app/carers';
import { MunicipalityService } from '@app/identity';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { PortalAudit } from '../portal-audit';
import { topicText } from '../topic-text';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/** The steunpunt's caseload: open signals by due date, overdue first; claim and close with a note. */
@Injectable()
export class CaseloadPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly signals: SignalService,
    private readonly municipalities: MunicipalityService,
    private readonly audit: PortalAudit,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/caseload', access: 'staff', handle: (call) => this.list(call) },
      { method: 'POST', path: '/caseload/claim', access: 'staff', handle: (call) => this.claim(call) },
      { method: 'POST', path: '/caseload/close', access: 'staff', handle: (call) => this.close(call) },
      { method: 'POST', path: '/caseload/note', access: 'staff', handle: (call) => this.note(call) },
    );
  }

  private async list(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const [municipality, caseload] = await Promise.all([this.municipalities.current(), this.signals.caseload()]);
    await this.audit.read(
      'GET /caseload',
      'signal',
      caseload.map(({ signal }) => signal.id),
    );
    const now = Date.now();
    return {
      view: 'pages/caseload.eta',
      title: call.t.caseloadTitle,
      status,
      data: {
        problem,
        items: caseload.map(({ signal, carerName, topic }) => ({
          id: signal.id,
          carerName,
          // Where the person and the reason are read: the carer's record, the question, or the referral.
          href: signal.questionId
            ? `/questions/${signal.questionId}`
            : signal.referralId
              ? `/referrals/${signal.referralId}`
              : `/carers/${signal.carerId}`,
          reason:
            signal.reason === 'question'
              ? `${call.t.reasonQuestion}: ${topicText(call.t, topic ?? '')}`
              : signal.reason === 'referral'
                ? call.t.reasonReferral
                : call.t.reasonHighBurden,
          due: dateTimeText(signal.dueAt, call.lang, municipality.timezone),
          overdue: signal.dueAt.getTime() < now,
          status: signal.status === 'open' ? call.t.signalOpen : call.t.signalClaimed,
          mine: signal.claimedBy === call.actor!.id,
          open: signal.status === 'open',
        })),
      },
    };
  }

  private async claim(call: PortalCall): Promise<PortalResult> {
    const signalId = call.form.signalId ?? '';
    if (!isUUID(signalId)) return this.list(call, call.t.somethingWrong, 400);
    try {
      await this.audit.change('POST /caseload/claim', 'signal', [signalId], () => this.signals.claim(signalId));
      return { redirect: '/caseload', notice: call.t.signalClaimedNotice };
    } catch (error) {
      return this.list(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  /** A note without closing (a call that went unanswered, an appointment made); stored encrypted. */
  private async note(call: PortalCall): Promise<PortalResult> {
    const signalId = call.form.signalId ?? '';
    const text = (call.form.note ?? '').trim().slice(0, 2000);
    if (!isUUID(signalId)) return this.list(call, call.t.somethingWrong, 400);
    if (!text) return this.list(call, call.t.noteEmpty, 400);
    try {
      await this.audit.change('POST /caseload/note', 'signal', [signalId], () => this.signals.addNote(signalId, text));
      return { redirect: '/caseload', notice: call.t.noteSaved };
    } catch (error) {
      return this.list(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async close(call: PortalCall): Promise<PortalResult> {
    const signalId = call.form.signalId ?? '';
    const note = (call.form.note ?? '').trim().slice(0, 2000);
    if (!isUUID(signalId)) return this.list(call, call.t.somethingWrong, 400);
    try {
      await this.audit.change('POST /caseload/close', 'signal', [signalId], () =>
        this.signals.close(signalId, note || undefined),
      );
      return { redirect: '/caseload', notice: call.t.signalClosedNotice };
    } catch (error) {
      return this.list(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}
