import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainError } from '@app/platform';
import { MunicipalityService } from '@app/identity';
import {
  AddTrainingDto,
  HelpRequestService,
  MatchService,
  SuggestionService,
  VolunteerRegistrationDto,
  VolunteerRegistrationService,
  VolunteerService,
} from '@app/volunteers';
import { isUUID } from 'class-validator';
import { checkForm, FieldErrors } from '../form';
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
          dates: request.wantedDates.map((wanted) => `${wanted.date} ${wanted.dagdeel}`).join(', '),
          weekly: request.weeklyPattern.join(', '),
        })),
      },
    };
  }

  private async request(call: PortalCall, problem: string | null = null, status = 200): Promise<PortalResult> {
    const requestId = call.params.requestId ?? '';
    if (!isUUID(requestId)) return notFoundPage(call);
    const request = await this.requests.get(requestId);
    await this.audit.read('GET /help-requests/:requestId', 'help_request', [request.id]);
    const [suggested, matches] = await Promise.all([
      this.suggestions.suggest(request.id, 10),
      this.matches.forRequest(request.id),
    ]);
    const names = new Map(suggested.map((s) => [s.volunteerId, `${s.firstName} ${s.lastName}`]));
    return {
      view: 'pages/help-request.eta',
      title: call.t.helpRequestTitle,
      status,
      data: {
        problem,
        request: {
          id: request.id,
          kind: kindText(call.t, request.kind),
          dates: request.wantedDates.map((wanted) => `${wanted.date} ${wanted.dagdeel}`).join(', '),
          weekly: request.weeklyPattern.join(', '),
          skills: request.requiredSkills.join(', '),
        },
        suggestions: suggested.map((s) => ({
          volunteerId: s.volunteerId,
          name: `${s.firstName} ${s.lastName}`,
          score: s.score,
          reasons: s.reasons,
        })),
        matches: matches.map((match) => ({
          volunteer: names.get(match.volunteerId) ?? call.t.volunteer,
          status: call.t.matchStatus[match.status] ?? match.status,
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
    const found = await this.volunteers.search({ status: 'active' }, { limit: 100 });
    await this.audit.read(
      'GET /volunteers',
      'volunteer',
      found.items.map((volunteer) => volunteer.id),
    );
    return {
      view: 'pages/volunteers.eta',
      title: call.t.volunteersTitle,
      status,
      data: {
        problem,
        volunteers: found.items.map((volunteer) => ({
          id: volunteer.id,
          name: `${volunteer.firstName} ${volunteer.lastName}`,
          vog: volunteer.vogIssuedOn ?? call.t.noVog,
        })),
      },
    };
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
        skills: Object.keys(form)
          .filter((key) => key.startsWith('skill-'))
          .map((key) => key.slice('skill-'.length)),
        availability: WEEKDAYS.flatMap((day) =>
          DAGDELEN.filter((part) => form[`at-${day}-${part}`] === 'yes').map((part) => `${day}-${part}`),
        ),
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

const DAGDELEN = ['ochtend', 'middag', 'avond'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
