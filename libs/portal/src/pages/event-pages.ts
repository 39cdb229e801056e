import { Injectable, OnModuleInit } from '@nestjs/common';
import { ActivityService, CreateActivityDto, InvitationService, PEER_GROUP_THEMES } from '@app/activities';
import { MunicipalityService } from '@app/identity';
import { FanoutService } from '@app/messaging';
import { DomainError } from '@app/platform';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { checkForm, FieldErrors, typedNumber } from '../form';
import { notFoundPage, PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/** Staff see the activities with their places, invite all carers, and follow the invitations going out. */
/** The series a form can ask for, as the RRULE the activities service takes (COUNT added). */
const REPEATS: Record<string, string> = {
  weekly: 'FREQ=WEEKLY;INTERVAL=1',
  fortnightly: 'FREQ=WEEKLY;INTERVAL=2',
  monthly: 'FREQ=MONTHLY;INTERVAL=1',
};

@Injectable()
export class EventPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly activities: ActivityService,
    private readonly invitations: InvitationService,
    private readonly fanouts: FanoutService,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/events', access: 'staff', handle: (call) => this.list(call) },
      { method: 'POST', path: '/events/invite', access: 'staff', handle: (call) => this.invite(call) },
      { method: 'POST', path: '/events', access: 'staff', handle: (call) => this.create(call) },
      { method: 'GET', path: '/events/progress/:fanoutId', access: 'staff', handle: (call) => this.progress(call) },
    );
  }

  /**
   * An activity on one day, or a series from that day (weekly, every two weeks or monthly, a
   * number of times): kind, title, place, places, time.
   */
  private async create(call: PortalCall): Promise<PortalResult> {
    const form = call.form;
    const rule = REPEATS[form.repeat ?? ''];
    const times = typedNumber(form.times);
    if (rule && (times === undefined || !Number.isInteger(times) || times < 2 || times > 52))
      return this.list(call, null, 400, { times: call.t.fieldInvalid.times });
    const when = rule
      ? {
          recurrence: {
            rule: `${rule};COUNT=${times}`,
            firstDate: form.date,
            startTime: form.startTime,
            endTime: form.endTime,
          },
        }
      : { date: form.date, startTime: form.startTime, endTime: form.endTime };
    const checked = await checkForm(
      CreateActivityDto,
      {
        kind: form.kind,
        title: form.title?.trim(),
        location: form.location?.trim() || undefined,
        capacity: Number(form.capacity),
        maxCompanions: form.maxCompanions ? Number(form.maxCompanions) : undefined,
        theme: form.kind === 'peer_group' ? form.theme : undefined,
        ...when,
        givesTraining: form.kind === 'course' && form.givesTraining?.trim() ? form.givesTraining.trim() : undefined,
        trainingValidMonths:
          form.kind === 'course' && form.givesTraining?.trim() && form.trainingValidMonths?.trim()
            ? Number(form.trainingValidMonths)
            : undefined,
        alsoOpenTo: (['volunteers', 'staff', 'residents'] as const).filter((group) => form[`open-${group}`] === 'yes'),
      },
      call.t,
    );
    if (!checked.ok) {
      // A series' day and times sit inside its recurrence; the reader sees them on the fields they filled.
      const { recurrence, ...errors } = checked.errors;
      return this.list(call, null, 400, recurrence ? { ...errors, date: call.t.fieldInvalid.date } : errors);
    }
    try {
      await this.activities.create(checked.value);
      return { redirect: '/events', notice: call.t.activityCreated };
    } catch (error) {
      return this.list(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async list(
    call: PortalCall,
    problem: string | null = null,
    status = 200,
    errors: FieldErrors = {},
  ): Promise<PortalResult> {
    const [municipality, found] = await Promise.all([
      this.municipalities.current(),
      this.activities.list({ limit: 100 }),
    ]);
    const now = new Date();
    return {
      view: 'pages/events.eta',
      title: call.t.eventsTitle,
      status,
      errors,
      data: {
        problem,
        values:
          Object.keys(errors).length > 0 || problem
            ? call.form
            : {
                kind: 'event',
                capacity: '50',
                maxCompanions: '1',
                startTime: '14:00',
                endTime: '17:00',
                repeat: '',
                times: '6',
              },
        kinds: [
          { value: 'event', label: call.t.kindEvent },
          { value: 'course', label: call.t.kindCourse },
          { value: 'peer_group', label: call.t.kindPeerGroup },
        ],
        repeats: [
          { value: '', label: call.t.repeatNone },
          { value: 'weekly', label: call.t.repeatWeekly },
          { value: 'fortnightly', label: call.t.repeatFortnightly },
          { value: 'monthly', label: call.t.repeatMonthly },
        ],
        themes: PEER_GROUP_THEMES.map((theme) => ({ value: theme, label: theme.replace(/_/g, ' ') })),
        activities: found.items
          .filter(({ activity }) => !activity.cancelledAt)
          .map(({ activity, sessions }) => {
            const next = sessions.find((session) => !session.cancelledAt && session.startsAt > now);
            return {
              id: activity.id,
              title: activity.title,
              next: next ? dateTimeText(next.startsAt, call.lang, municipality.timezone) : null,
              taken: activity.placesTaken,
              capacity: activity.capacity,
            };
          }),
      },
    };
  }

  private async invite(call: PortalCall): Promise<PortalResult> {
    const activityId = call.form.activityId ?? '';
    if (!isUUID(activityId)) return this.list(call, call.t.somethingWrong, 400);
    try {
      const { fanoutId } = await this.invitations.invite(activityId, { all: true });
      return { redirect: `/events/progress/${fanoutId}` };
    } catch (error) {
      return this.list(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async progress(call: PortalCall): Promise<PortalResult> {
    const fanoutId = call.params.fanoutId ?? '';
    if (!isUUID(fanoutId)) return notFoundPage(call);
    const progress = await this.fanouts.progress(fanoutId);
    return {
      view: 'pages/event-progress.eta',
      title: call.t.invitationProgress,
      data: {
        progress,
        percent:
          progress.total > 0
            ? Math.round(
                ((progress.sent + progress.failed + progress.skipped + progress.toPrint) / progress.total) * 100,
              )
            : progress.done
              ? 100
              : 0,
      },
    };
  }
}
