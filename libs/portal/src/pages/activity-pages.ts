import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActivityService, ParticipationService } from '@app/activities';
import { MunicipalityService } from '@app/identity';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';
import { PortalTexts } from '../texts';

function participationText(t: PortalTexts, status: string): string {
  const texts: Record<string, string> = {
    attending: t.youAttend,
    waitlisted: t.youWait,
    offered: t.youOffered,
    declined: t.youDeclined,
    cancelled: t.youCancelled,
  };
  return texts[status] ?? status;
}

/** Activities the carer can join (events by invitation), signing up with companions, and withdrawing. */
@Injectable()
export class ActivityPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly activities: ActivityService,
    private readonly participation: ParticipationService,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/activities', access: 'carer', handle: (call) => this.list(call) },
      { method: 'POST', path: '/activities/enrol', access: 'carer', handle: (call) => this.enrol(call) },
      { method: 'POST', path: '/activities/withdraw', access: 'carer', handle: (call) => this.withdraw(call) },
    );
  }

  private async list(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const [municipality, found, mine, invited] = await Promise.all([
      this.municipalities.current(),
      this.activities.list({ limit: 100 }),
      this.participation.mine(),
      this.participation.invitedActivityIds(),
    ]);
    const now = new Date();
    const items = found.items
      .filter(({ activity }) => !activity.cancelledAt)
      .map(({ activity, sessions }) => {
        const next = sessions.find((session) => !session.cancelledAt && session.startsAt > now);
        const own = mine.find((entry) => entry.activity.id === activity.id)?.participant ?? null;
        return {
          id: activity.id,
          title: activity.title,
          location: activity.location,
          next: next ? dateTimeText(next.startsAt, call.lang, municipality.timezone) : null,
          placesFree: Math.max(0, activity.capacity - activity.placesTaken),
          companionChoices: Array.from({ length: activity.maxCompanions + 1 }, (_, count) => ({
            value: String(count),
            label: count === 0 ? call.t.companionsNone : String(count),
          })),
          canEnrol: activity.kind !== 'event' || invited.has(activity.id),
          participant:
            own && !['declined', 'cancelled'].includes(own.status)
              ? { id: own.id, status: participationText(call.t, own.status), companions: own.companions }
              : null,
        };
      })
      .filter((item) => item.next !== null || item.participant !== null);
    return { view: 'pages/activities.eta', title: call.t.activitiesTitle, status, data: { items, problem } };
  }

  private async enrol(call: PortalCall): Promise<PortalResult> {
    const activityId = call.form.activityId ?? '';
    const companions = Number(call.form.companions ?? '0');
    if (!isUUID(activityId) || !Number.isInteger(companions) || companions < 0 || companions > 20)
      return this.list(call, call.t.somethingWrong, 400);
    try {
      await this.participation.enrol(activityId, { companions });
      return { redirect: '/activities', notice: call.t.enrolled };
    } catch (error) {
      return this.list(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async withdraw(call: PortalCall): Promise<PortalResult> {
    const { activityId = '', participantId = '' } = call.form;
    if (!isUUID(activityId) || !isUUID(participantId)) return this.list(call, call.t.somethingWrong, 400);
    try {
      await this.participation.withdraw(activityId, participantId);
      return { redirect: '/activities', notice: call.t.withdrawn };
    } catch (error) {
      return this.list(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}
