import { Injectable, OnModuleInit } from '@nestjs/common';
import { MunicipalityService } from '@app/identity';
import {
  AddAbsenceDto,
  HelpRequestService,
  LogHoursDto,
  MatchService,
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
import { absenceAndTrainingViews } from '../volunteer-views';
import { checkForm, FieldErrors, typedNumber } from '../form';
import { notFoundPage, PortalCall, PortalResult } from '../portal-route';
import { PortalRoutes } from '../portal-routes';
import { ruleBroken } from '../rule-broken';

/**
 * The volunteer's own pages: proposals to answer, accepted help requests with their hours,
 * hours per month, time away, trainings and VOG, and what they can do and when.
 */
@Injectable()
export class VolunteeringPages implements OnModuleInit {
  constructor(
    private readonly routes: PortalRoutes,
    private readonly volunteers: VolunteerService,
    private readonly matches: MatchService,
    private readonly requests: HelpRequestService,
    private readonly hours: VolunteerHoursService,
    private readonly municipalities: MunicipalityService,
  ) {}

  onModuleInit(): void {
    this.routes.add(
      { method: 'GET', path: '/volunteering', access: 'volunteer', handle: (call) => this.show(call) },
      {
        method: 'POST',
        path: '/volunteering/matches/:matchId/answer',
        access: 'volunteer',
        handle: (call) => this.answer(call),
      },
      {
        method: 'POST',
        path: '/volunteering/matches/:matchId/hours',
        access: 'volunteer',
        handle: (call) => this.logHours(call),
      },
      { method: 'POST', path: '/volunteering/absences', access: 'volunteer', handle: (call) => this.addAbsence(call) },
      {
        method: 'POST',
        path: '/volunteering/preferences',
        access: 'volunteer',
        handle: (call) => this.savePreferences(call),
      },
    );
  }

  private async show(call: PortalCall, errors: FieldErrors = {}, problem: string | null = null): Promise<PortalResult> {
    const volunteer = await this.volunteers.mine();
    const [matches, hours, absences, trainings, municipality] = await Promise.all([
      this.matches.mine(),
      this.hours.mine(),
      this.volunteers.absencesOf(volunteer.id),
      this.volunteers.trainingsOf(volunteer.id),
      this.municipalities.current(),
    ]);
    const current = matches.filter((match) => match.status === 'proposed' || match.status === 'accepted');
    const requests = new Map(
      await Promise.all(
        current.map(async (match) => [match.id, await this.requests.get(match.helpRequestId)] as const),
      ),
    );
    const hoursOf = new Map(hours.perMatch.map((line) => [line.matchId, line.hours]));
    const submitted = Object.keys(errors).length > 0 || problem !== null;
    const values: Record<string, string> = submitted ? { ...call.form } : { maxMatches: String(volunteer.maxMatches) };
    if (!submitted) {
      for (const skill of volunteer.skills) values[`skill-${skill}`] = 'yes';
      for (const key of volunteer.availability) values[`at-${key}`] = 'yes';
    }
    return {
      view: 'pages/volunteering.eta',
      title: call.t.volunteering,
      status: submitted ? 400 : 200,
      errors,
      data: {
        problem,
        errorMatchId: call.params.matchId ?? null,
        matches: current.map((match) => {
          const request = requests.get(match.id)!;
          return {
            id: match.id,
            proposed: match.status === 'proposed',
            kind: call.t.helpKinds[request.kind] ?? request.kind,
            when: wantedText(call.t, request),
            status: call.t.matchStatus[match.status] ?? match.status,
            hours: hoursOf.get(match.id) ?? 0,
          };
        }),
        hours: {
          total: hours.totalHours,
          perMonth: hours.perMonth,
          perMatch: hours.perMatch.map((line) => ({ ...line, kind: call.t.helpKinds[line.kind] ?? line.kind })),
          latest: hours.entries.slice(0, 10).map((entry) => ({
            workedOn: entry.workedOn,
            hours: entry.hours,
            corrected: entry.correctedAt !== null,
          })),
        },
        ...absenceAndTrainingViews(absences, trainings),
        vog: volunteer.vogIssuedOn,
        availability: volunteer.availability.map((key) => availabilityText(call.t, key)).join(', '),
        values,
        skills: municipality.settings.volunteerSkills,
        weekdays: WEEKDAYS,
        dagdelen: DAGDELEN,
        legendSkills: call.t.mySkillsLegend,
        legendAvailability: call.t.myAvailabilityLegend,
      },
    };
  }

  private async answer(call: PortalCall): Promise<PortalResult> {
    const matchId = call.params.matchId ?? '';
    if (!isUUID(matchId)) return notFoundPage(call);
    const accept = call.form.answer === 'accept';
    try {
      await this.matches.answerAsVolunteer(matchId, accept);
    } catch (error) {
      return this.show(call, {}, ruleBroken(error, call.lang));
    }
    return { redirect: '/volunteering', notice: accept ? call.t.matchAccepted : call.t.matchDeclined };
  }

  private async logHours(call: PortalCall): Promise<PortalResult> {
    const matchId = call.params.matchId ?? '';
    if (!isUUID(matchId)) return notFoundPage(call);
    const checked = await checkForm(
      LogHoursDto,
      { workedOn: call.form.workedOn, hours: typedNumber(call.form.hours) },
      call.t,
    );
    if (!checked.ok) return this.show(call, checked.errors);
    try {
      await this.matches.logHours(matchId, checked.value.workedOn, checked.value.hours);
    } catch (error) {
      return this.show(call, {}, ruleBroken(error, call.lang));
    }
    return { redirect: '/volunteering', notice: call.t.hoursLogged };
  }

  private async addAbsence(call: PortalCall): Promise<PortalResult> {
    const checked = await checkForm(AddAbsenceDto, { from: call.form.from, to: call.form.to }, call.t);
    if (!checked.ok) return this.show(call, checked.errors);
    try {
      await this.volunteers.addAbsence(checked.value.from, checked.value.to);
    } catch (error) {
      return this.show(call, { to: call.t.fieldInvalid.to }, ruleBroken(error, call.lang));
    }
    return { redirect: '/volunteering', notice: call.t.absenceAdded };
  }

  private async savePreferences(call: PortalCall): Promise<PortalResult> {
    const maxMatches = typedNumber(call.form.maxMatches);
    if (maxMatches === undefined || !Number.isInteger(maxMatches) || maxMatches < 1 || maxMatches > 10)
      return this.show(call, { maxMatches: call.t.fieldInvalid.maxMatches });
    try {
      await this.volunteers.updateMine({
        skills: tickedSkills(call.form),
        availability: tickedAvailability(call.form),
        maxMatches,
      });
    } catch (error) {
      return this.show(call, {}, ruleBroken(error, call.lang));
    }
    return { redirect: '/volunteering', notice: call.t.preferencesSaved };
  }
}
