import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainError } from '@app/platform';
import { MunicipalityService } from '@app/identity';
import {
  AddTrainingDto,
  CorrectHoursDto,
  HelpRequestService,
  MatchService,
  SuggestionService,
  VolunteerRegistrationDto,
  VolunteerRegistrationService,
  VolunteerHoursService,
  VolunteerService,
} from '@app/volunteers';
import { isUUID } from 'class-validator';
import {
  availabilityText,
  DAGDELEN,
  tickedAvailability,
  tickedSkills,
  wantedText,
  WEEKDAYS,
} from '../availability-text';
import { pageCursor } from '../paging';
import { absenceAndTrainingViews } from '../volunteer-views';
import { checkForm, FieldErrors, typedNumber } from '../form';
import { PortalAudit } from '../portal-audit';
import { notFoundPage, PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';
import { PortalTexts } from '../texts';

function kindText(t: PortalTexts, kind: string): string {
  return t.helpKinds[kind] ?? kind;
}

/**
 * Staff match volunteers: open help requests, the ranked suggestions with the reasons of each
 * rank, proposing a match and following its answer; the volunteers with their VOG.
 */
@Injectable()
export class VolunteerPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly requests: HelpRequestService,
    private readonly suggestions: SuggestionService,
    private readonly matches: MatchService,
    private readonly volunteers: VolunteerService,
    private readonly registration: VolunteerRegistrationService,
    private readonly hours: VolunteerHoursService,
    private readonly municipalities: MunicipalityService,
    private readonly audit: PortalAudit,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/help-requests', access: 'staff', handle: (call) => this.list(call) },
      { method: 'GET', path: '/help-requests/:requestId', access: 'staff', handle: (call) => this.request(call) },
      {
        method: 'POST',
        path: '/help-requests/:requestId/propose',
        access: 'staff',
        handle: (call) => this.propose(call),
      },
      { method: 'GET', path: '/volunteers', access: 'staff', handle: (call) => this.volunteerList(call) },
      { method: 'POST', path: '/volunteers/vog', access: 'staff', handle: (call) => this.recordVog(call) },
      { method: 'POST', path: '/volunteers/training', access: 'staff', handle: (call) => this.addTraining(call) },
      { method: 'GET', path: '/volunteers/new', access: 'staff', handle: (call) => this.registrationForm(call) },
      { method: 'GET', path: '/volunteers/:volunteerId', access: 'staff', handle: (call) => this.volunteer(call) },
      {
        method: 'POST',
        path: '/volunteers/:volunteerId/hours',
        access: 'staff',
        handle: (call) => this.correctHours(call),
      },
      {
        method: 'POST',
        path: '/help-requests/:requestId/end',
        access: 'staff',
        handle: (call) => this.endMatch(call),
      },
      { method: 'POST', path: '/volunteers/new', access: 'staff', handle: (call) => this.register(call) },
    );
  }

  private async list(call: PortalCall): Promise<PortalResult> {
    const open = await this.requests.open();
    await this.audit.read(
      'GET /help-requests',
      'help_request',
      open.map((request) => request.id),
    );
    return {
      view: 'pages/help-requests.eta',
      title: call.t.helpRequestsTitle,
      data: {
        requests: open.map((request) => ({
          id: request.id,
          kind: kindText(call.t, request.kind),
          when: wantedText(call.t, request),
        })),
      },
    };
  }

  private async request(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const requestId = call.params.requestId ?? '';
    if (!isUUID(requestId)) return notFoundPage(call);
    const request = await this.requests.get(requestId);
    await this.audit.read('GET /help-requests/:requestId', 'help_request', [request.id]);
    const [suggested, matches, hours] = await Promise.all([
      this.suggestions.suggest(request.id, 10),
      this.matches.forRequest(request.id),
      this.hours.summary({ helpRequestId: request.id }),
    ]);
    const matched = await Promise.all(matches.map((match) => this.volunteers.get(match.volunteerId)));
    const names = new Map(matched.map((v) => [v.id, `${v.firstName} ${v.lastName}`]));
    const hoursOf = new Map(hours.perMatch.map((line) => [line.matchId, line.hours]));
    return {
      view: 'pages/help-request.eta',
      title: call.t.helpRequestTitle,
      status,
      data: {
        problem,
        request: {
          id: request.id,
          kind: kindText(call.t, request.kind),
          when: wantedText(call.t, request),
          skills: request.requiredSkills.join(', '),
        },
        suggestions: suggested.map((s) => ({
          volunteerId: s.volunteerId,
          name: `${s.firstName} ${s.lastName}`,
          score: s.score,
          reasons: s.reasons,
        })),
        matches: matches.map((match) => ({
          id: match.id,
          volunteerId: match.volunteerId,
          volunteer: names.get(match.volunteerId) ?? call.t.volunteer,
          status: call.t.matchStatus[match.status] ?? match.status,
          accepted: match.status === 'accepted',
          hours: hoursOf.get(match.id) ?? null,
          unbooked: match.unbookedDates
            .map((item) => `${item.date} ${item.dagdeel} (${call.t.unbookedReasons[item.reason]})`)
            .join(', '),
        })),
      },
    };
  }

  private async propose(call: PortalCall): Promise<PortalResult> {
    const requestId = call.params.requestId ?? '';
    const volunteerId = call.form.volunteerId ?? '';
    if (!isUUID(requestId) || !isUUID(volunteerId)) return notFoundPage(call);
    try {
      await this.audit.change('POST /help-requests/:requestId/propose', 'help_request', [requestId], () =>
        this.matches.propose(requestId, volunteerId),
      );
      return { redirect: `/help-requests/${requestId}`, notice: call.t.matchProposed };
    } catch (error) {
      return this.request(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async volunteerList(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const { settings } = await this.municipalities.current();
    const wijken = (await this.municipalities.listWijken()).map(({ wijk }) => ({ value: wijk.id, label: wijk.name }));
    const skill = settings.volunteerSkills.includes(call.query.skill ?? '') ? call.query.skill : '';
    const wijkId = wijken.some((wijk) => wijk.value === call.query.wijk) ? call.query.wijk : '';
    const vog = call.query.vog === 'valid' || call.query.vog === 'missing' ? call.query.vog : '';
    const cursor = pageCursor(call.query.cursor);
    const found = await this.volunteers.search(
      {
        status: 'active',
        skill: skill || undefined,
        wijkId: wijkId || undefined,
        vogValid: vog === '' ? undefined : vog === 'valid',
      },
      { limit: 50, cursor },
    );
    await this.audit.read(
      'GET /volunteers',
      'volunteer',
      found.items.map((volunteer) => volunteer.id),
    );
    const filters = new URLSearchParams({ skill, wijk: wijkId, vog });
    return {
      view: 'pages/volunteers.eta',
      title: call.t.volunteersTitle,
      status,
      data: {
        problem,
        values: { skill, wijk: wijkId, vog },
        skills: [
          { value: '', label: call.t.anyOption },
          ...settings.volunteerSkills.map((value) => ({ value, label: value.replace(/_/g, ' ') })),
        ],
        wijken: [{ value: '', label: call.t.anyOption }, ...wijken],
        vogOptions: [
          { value: '', label: call.t.vogAny },
          { value: 'valid', label: call.t.vogValidOnly },
          { value: 'missing', label: call.t.vogMissing },
        ],
        volunteers: found.items.map((volunteer) => ({
          id: volunteer.id,
          name: `${volunteer.firstName} ${volunteer.lastName}`,
          vog: volunteer.vogIssuedOn ?? call.t.noVog,
        })),
        next: found.nextCursor ? `/volunteers?${filters}&cursor=${encodeURIComponent(found.nextCursor)}` : null,
        first: cursor ? `/volunteers?${filters}` : null,
      },
    };
  }

  private async volunteer(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const volunteerId = call.params.volunteerId ?? '';
    if (!isUUID(volunteerId)) return notFoundPage(call);
    const volunteer = await this.volunteers.get(volunteerId);
    await this.audit.read('GET /volunteers/:volunteerId', 'volunteer', [volunteer.id]);
    const [hours, absences, trainings] = await Promise.all([
      this.hours.summary({ volunteerId }),
      this.volunteers.absencesOf(volunteerId),
      this.volunteers.trainingsOf(volunteerId),
    ]);
    return {
      view: 'pages/volunteer.eta',
      title: `${volunteer.firstName} ${volunteer.lastName}`,
      status,
      data: {
        problem,
        volunteer: {
          id: volunteer.id,
          name: `${volunteer.firstName} ${volunteer.lastName}`,
          vog: volunteer.vogIssuedOn ?? call.t.noVog,
          skills: volunteer.skills.map((skill) => skill.replace(/_/g, ' ')).join(', '),
          availability: volunteer.availability.map((key) => availabilityText(call.t, key)).join(', '),
          maxMatches: volunteer.maxMatches,
        },
        hours: {
          total: hours.totalHours,
          perMonth: hours.perMonth,
          perMatch: hours.perMatch.map((line) => ({
            ...line,
            kind: kindText(call.t, line.kind),
            status: call.t.matchStatus[line.status] ?? line.status,
          })),
          entries: hours.entries.map((entry) => ({
            id: entry.id,
            workedOn: entry.workedOn,
            hours: entry.hours,
            corrected: entry.correctedAt !== null,
          })),
        },
        ...absenceAndTrainingViews(absences, trainings),
      },
    };
  }

  private async correctHours(call: PortalCall): Promise<PortalResult> {
    const volunteerId = call.params.volunteerId ?? '';
    const hoursId = call.form.hoursId ?? '';
    if (!isUUID(volunteerId) || !isUUID(hoursId)) return notFoundPage(call);
    const checked = await checkForm(
      CorrectHoursDto,
      { workedOn: call.form.workedOn || undefined, hours: typedNumber(call.form.hours) },
      call.t,
    );
    if (!checked.ok) return this.volunteer(call, call.t.hoursInvalid, 400);
    try {
      await this.audit.change('POST /volunteers/:volunteerId/hours', 'volunteer_hours', [hoursId], () =>
        this.hours.correct(hoursId, checked.value, volunteerId),
      );
      return { redirect: `/volunteers/${volunteerId}`, notice: call.t.hoursCorrected };
    } catch (error) {
      return this.volunteer(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async endMatch(call: PortalCall): Promise<PortalResult> {
    const requestId = call.params.requestId ?? '';
    const matchId = call.form.matchId ?? '';
    if (!isUUID(requestId) || !isUUID(matchId)) return notFoundPage(call);
    const reason = (call.form.reason ?? '').trim();
    if (reason.length === 0 || reason.length > 500) return this.request(call, call.t.fieldInvalid.reason, 400);
    try {
      await this.audit.change('POST /help-requests/:requestId/end', 'volunteer_match', [matchId], () =>
        this.matches.end(matchId, reason),
      );
      return { redirect: `/help-requests/${requestId}`, notice: call.t.matchEnded };
    } catch (error) {
      return this.request(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async addTraining(call: PortalCall): Promise<PortalResult> {
    const volunteerId = call.form.volunteerId ?? '';
    if (!isUUID(volunteerId)) return notFoundPage(call);
    const checked = await checkForm(
      AddTrainingDto,
      { kind: call.form.trainingKind?.trim(), completedOn: call.form.completedOn },
      call.t,
    );
    if (!checked.ok) return this.volunteerList(call, call.t.trainingInvalid, 400);
    try {
      await this.audit.change('POST /volunteers/training', 'volunteer', [volunteerId], () =>
        this.volunteers.addTraining(volunteerId, checked.value),
      );
      return { redirect: '/volunteers', notice: call.t.trainingRecorded };
    } catch (error) {
      return this.volunteerList(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }

  private async registrationForm(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null) {
    const { settings } = await this.municipalities.current();
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    return {
      view: 'pages/volunteer-new.eta',
      title: call.t.registerVolunteer,
      status: submitted ? 400 : 200,
      errors,
      data: {
        problem,
        values: submitted ? call.form : {},
        skills: settings.volunteerSkills,
        weekdays: WEEKDAYS,
        dagdelen: DAGDELEN,
      },
    };
  }

  private async register(call: PortalCall): Promise<PortalResult> {
    const form = call.form;
    const checked = await checkForm(
      VolunteerRegistrationDto,
      {
        firstName: form.firstName?.trim(),
        lastName: form.lastName?.trim(),
        dateOfBirth: form.dateOfBirth,
        postcode: form.postcode,
        houseNumber: form.houseNumber,
        email: form.email?.trim() || undefined,
        skills: tickedSkills(form),
        availability: tickedAvailability(form),
        languages: ['nl'],
      },
      call.t,
    );
    if (!checked.ok) return this.registrationForm(call, checked.errors);
    try {
      await this.audit.change('POST /volunteers/new', 'volunteer', [], () =>
        this.registration.registerByStaff(checked.value),
      );
      return { redirect: '/volunteers', notice: call.t.volunteerRegistered };
    } catch (error) {
      return this.registrationForm(call, {}, ruleBroken(error, call.lang));
    }
  }

  private async recordVog(call: PortalCall): Promise<PortalResult> {
    const volunteerId = call.form.volunteerId ?? '';
    const issuedOn = call.form.issuedOn ?? '';
    if (!isUUID(volunteerId)) return notFoundPage(call);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(issuedOn)) return this.volunteerList(call, call.t.fieldInvalid.from, 400);
    try {
      await this.audit.change('POST /volunteers/vog', 'volunteer', [volunteerId], () =>
        this.volunteers.recordVog(volunteerId, issuedOn),
      );
      return { redirect: '/volunteers', notice: call.t.vogRecorded };
    } catch (error) {
      return this.volunteerList(call, ruleBroken(error, call.lang), (error as DomainError).status);
    }
  }
}
