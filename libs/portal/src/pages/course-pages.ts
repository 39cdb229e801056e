import { Injectable, OnModuleInit } from '@nestjs/common';
import { OpenActivity, ResidentRequestDto, ResidentRequests, ResidentSignups } from '@app/activities';
import { MunicipalityService } from '@app/identity';
import { isUUID } from 'class-validator';
import { dateTimeText } from '../dates';
import { checkForm } from '../form';
import { PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/**
 * Courses and peer groups opened to residents: anyone finds them by municipality and signs up
 * with a name and an address, confirmed through the mailed link; no account needed.
 */
@Injectable()
export class CoursePages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly signups: ResidentSignups,
    private readonly requests: ResidentRequests,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/courses', access: 'public', handle: (call) => this.list(call) },
      { method: 'GET', path: '/courses/:activityId', access: 'public', handle: (call) => this.form(call) },
      { method: 'POST', path: '/courses/:activityId', access: 'public', handle: (call) => this.signUp(call) },
    );
  }

  private async list(call: PortalCall): Promise<PortalResult> {
    const all = await this.municipalities.all();
    const own = call.actor ? all.find((m) => m.id === call.actor!.municipalityId) : undefined;
    const municipality = all.find((m) => m.code === call.query.municipality) ?? own;
    const open = municipality ? await this.signups.open(municipality.code) : [];
    return {
      view: 'pages/courses.eta',
      title: call.t.coursesTitle,
      forms: false,
      data: {
        chosen: municipality?.code ?? '',
        municipalities: [
          { value: '', label: call.t.chooseMunicipality },
          ...all.map((m) => ({ value: m.code, label: m.name })),
        ],
        courses: open.map((item) => this.describe(call, item, municipality!.timezone)),
      },
    };
  }

  private async form(
    call: PortalCall,
    extra: { errors?: Record<string, string>; problem?: string | null } = {},
  ): Promise<PortalResult> {
    const open = isUUID(call.params.activityId) ? await this.signups.openActivity(call.params.activityId) : null;
    if (!open)
      return {
        view: 'pages/message.eta',
        title: call.t.coursesTitle,
        status: 404,
        data: { heading: call.t.coursesTitle, text: call.t.courseNotOpen },
      };
    const municipality = await this.municipalities.byId(open.activity.municipalityId);
    const { _csrf, ...values } = call.form;
    const failed = Object.keys(extra.errors ?? {}).length > 0 || !!extra.problem;
    return {
      view: 'pages/course.eta',
      title: `${call.t.courseSignUp}: ${open.activity.title}`,
      status: failed ? 400 : 200,
      errors: extra.errors ?? {},
      data: {
        course: this.describe(call, open, municipality.timezone),
        values,
        problem: extra.problem ?? null,
        companionChoices: Array.from({ length: open.activity.maxCompanions + 1 }, (_, count) => ({
          value: String(count),
          label: count === 0 ? call.t.companionsNone : String(count),
        })),
      },
    };
  }

  private async signUp(call: PortalCall): Promise<PortalResult> {
    if (!isUUID(call.params.activityId)) return this.form(call);
    const { _csrf, ...fields } = call.form;
    const checked = await checkForm(
      ResidentRequestDto,
      { ...fields, companions: Number(fields.companions ?? 0), language: call.lang },
      call.t,
    );
    if (!checked.ok) return this.form(call, { errors: checked.errors });
    try {
      await this.requests.request(
        call.params.activityId,
        { ...checked.value, companions: checked.value.companions ?? 0, language: call.lang },
        call.ip,
      );
    } catch (error) {
      return this.form(call, { problem: ruleBroken(error, call.lang) });
    }
    return {
      view: 'pages/message.eta',
      title: call.t.checkEmailTitle,
      data: { heading: call.t.checkEmailTitle, text: call.t.courseCheckEmailText },
    };
  }

  private describe(call: PortalCall, { activity, sessions, responsesCloseAt }: OpenActivity, timezone: string) {
    return {
      id: activity.id,
      title: activity.title,
      description: activity.description,
      location: activity.location,
      placesLeft: Math.max(0, activity.capacity - activity.placesTaken),
      sessions: sessions.slice(0, 6).map((session) => dateTimeText(session.startsAt, call.lang, timezone)),
      closes: dateTimeText(responsesCloseAt, call.lang, timezone),
    };
  }
}
