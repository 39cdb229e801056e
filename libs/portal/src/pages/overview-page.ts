import { Injectable, OnModuleInit } from '@nestjs/common';
import { ParticipationService } from '@app/activities';
import { CarerService } from '@app/carers';
import { AccountService, AuthService, MunicipalityService } from '@app/identity';
import { MessageService } from '@app/messaging';
import { BookingService, RespiteUsageService } from '@app/respite';
import { dateTimeText } from '../dates';
import { PortalCall, PortalResult } from '../portal-route';
import { messageLabel } from '../message-labels';
import { PortalRoutes } from '../portal-routes';

/** The carer's start page after signing in: next booking, budget, messages. */
@Injectable()
export class OverviewPage implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly carers: CarerService,
    private readonly accounts: AccountService,
    private readonly auth: AuthService,
    private readonly bookings: BookingService,
    private readonly usage: RespiteUsageService,
    private readonly messages: MessageService,
    private readonly municipalities: MunicipalityService,
    private readonly participation: ParticipationService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/overview', access: 'carer', handle: (call) => this.overview(call) },
      { method: 'POST', path: '/verification-mail', access: 'carer', handle: (call) => this.resend(call) },
    );
  }

  private async overview(call: PortalCall): Promise<PortalResult> {
    const actor = call.actor!;
    const [carer, account, municipality, bookings, log, invited, joined] = await Promise.all([
      this.carers.mine(),
      this.accounts.findById(actor.id),
      this.municipalities.current(),
      this.bookings.mine(),
      this.messages.logOf(actor.id, { limit: 5 }),
      this.participation.invitedActivityIds(),
      this.participation.mine(),
    ]);
    const answered = new Set(joined.map(({ activity }) => activity.id));
    const openInvitations = [...invited].filter((activityId) => !answered.has(activityId)).length;
    const budget = await this.usage.budgetOf(carer.id);
    const now = new Date();
    const next = bookings.find(
      (booking) => booking.startsAt > now && ['confirmed', 'offered'].includes(booking.status),
    );
    return {
      view: 'pages/overview.eta',
      title: call.t.overviewTitle,
      data: {
        firstName: carer.firstName,
        verified: Boolean(account?.emailVerifiedAt),
        next: next
          ? { when: dateTimeText(next.startsAt, call.lang, municipality.timezone), status: next.status }
          : null,
        budget,
        openInvitations,
        messages: log.items.map((message) => ({
          kind: messageLabel(message.kind, call.lang),
          at: dateTimeText(message.createdAt, call.lang, municipality.timezone),
          status: message.status,
        })),
      },
    };
  }

  private async resend(call: PortalCall): Promise<PortalResult> {
    const account = await this.accounts.findById(call.actor!.id);
    if (account?.email && !account.emailVerifiedAt) await this.auth.requestVerificationMail(account.email, call.ip);
    return { redirect: '/overview', notice: call.t.verificationSent };
  }
}
