import { Injectable } from '@nestjs/common';
import { Account, MunicipalityService, recipientOf, today } from '@app/identity';
import { MessageService } from '@app/messaging';
import { ConflictError, NotFoundError, RequestContext } from '@app/platform';
import { AtHomeBookings } from '@app/respite';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { DateInFutureError } from '@app/carers';
import { HelpRequest } from './help-request.entity';
import { DEFAULT_WEEKLY_WEEKS, weeklyDates } from './availability';
import { DateTime } from 'luxon';
import { HelpRequestService } from './help-request.service';
import { MatchNotProposedError } from './match-errors';
import { SuggestionService } from './suggestions';
import { VOLUNTEER_MESSAGES } from './volunteer-message-kinds';
import { VolunteerHours } from './volunteer-hours.entity';
import { VolunteerMatch } from './volunteer-match.entity';
import { Volunteer } from './volunteer.entity';

/**
 * A match from proposal to end. Answering locks the request and then the match, so of two
 * accepts of one proposal only the first counts, and one request gets one volunteer.
 */
@Injectable()
export class MatchService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: HelpRequestService,
    private readonly suggestions: SuggestionService,
    private readonly municipalities: MunicipalityService,
    private readonly messages: MessageService,
    private readonly atHome: AtHomeBookings,
    private readonly context: RequestContext,
  ) {}

  /** Staff propose a volunteer who passes the request's hard filters; the volunteer is mailed accept and decline links. */
  async propose(requestId: string, volunteerId: string): Promise<VolunteerMatch> {
    const request = await this.requests.get(requestId);
    if (request.status !== 'open')
      throw new ConflictError('REQUEST_NOT_OPEN', {
        nl: 'Deze hulpvraag staat niet meer open.',
        en: 'This help request is no longer open.',
      });
    if ((await this.suggestions.suggest(requestId, 1, volunteerId)).length === 0) {
      throw new ConflictError('VOLUNTEER_NOT_ELIGIBLE', {
        nl: 'Deze vrijwilliger voldoet niet aan de eisen van de hulpvraag (beschikbaarheid, VOG, vaardigheden, belasting).',
        en: 'This volunteer does not pass the hard filters of the request (availability, VOG, skills, load).',
      });
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        // The volunteer's row lock makes the load check and the insert one step, also for proposals to several requests at once.
        // The count is a statement of its own, taken after the lock, so it sees what the previous holder committed.
        const [volunteerRow] = await manager.query<Array<{ max_matches: number }>>(
          'SELECT max_matches FROM volunteer WHERE id = $1 FOR UPDATE',
          [volunteerId],
        );
        const [load] = await manager.query<Array<{ live: number }>>(
          `SELECT count(*)::int AS live FROM volunteer_match WHERE volunteer_id = $1 AND status IN ('proposed', 'accepted')`,
          [volunteerId],
        );
        if (!volunteerRow || load.live >= volunteerRow.max_matches)
          throw new ConflictError('VOLUNTEER_NOT_ELIGIBLE', {
            nl: 'Deze vrijwilliger heeft al zoveel koppelingen als hij of zij aankan.',
            en: 'This volunteer already has as many matches as they take.',
          });
        const repository = manager.getRepository(VolunteerMatch);
        const match = await repository.save(
          repository.create({
            municipalityId: request.municipalityId,
            helpRequestId: request.id,
            volunteerId,
            carerId: request.carerId,
            status: 'proposed',
            proposedBy: this.context.actor().id,
            answeredAt: null,
            endedAt: null,
            endReason: null,
          }),
        );
        const volunteer = await manager.getRepository(Volunteer).findOneByOrFail({ id: volunteerId });
        await this.tell(
          manager,
          volunteer.accountId,
          VOLUNTEER_MESSAGES.matchProposed,
          `match-proposed.${match.id}`,
          match.id,
        );
        return match;
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { constraint?: string }).constraint === 'uq_volunteer_match_live'
      ) {
        throw new ConflictError('ALREADY_PROPOSED', {
          nl: 'Deze vrijwilliger is al voorgesteld voor deze hulpvraag.',
          en: 'This volunteer has already been proposed for this request.',
        });
      }
      throw error;
    }
  }

  /** The volunteer's own answer in the API. */
  async answerAsVolunteer(matchId: string, accept: boolean): Promise<VolunteerMatch> {
    const [owned] = await this.dataSource.query<unknown[]>(
      'SELECT m.id FROM volunteer_match m JOIN volunteer v ON v.id = m.volunteer_id WHERE m.id = $1 AND v.account_id = $2',
      [matchId, this.context.actor().id],
    );
    if (!owned) throw new NotFoundError({ nl: 'De koppeling', en: 'The match' });
    return this.answer(matchId, accept);
  }

  /**
   * Accepts or declines a proposal (the signed links come here too). Accepting respite at home
   * books the wanted dates for the carer in the same transaction, and the carer is told.
   */
  async answer(matchId: string, accept: boolean): Promise<VolunteerMatch> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const found = await manager.getRepository(VolunteerMatch).findOneBy({ id: matchId });
        if (!found) throw new NotFoundError({ nl: 'De koppeling', en: 'The match' });
        // Always the request first, then the match: concurrent answers then queue instead of deadlocking.
        const request = await manager
          .getRepository(HelpRequest)
          .findOneOrFail({ where: { id: found.helpRequestId }, lock: { mode: 'pessimistic_write' } });
        const match = await manager
          .getRepository(VolunteerMatch)
          .findOneOrFail({ where: { id: matchId }, lock: { mode: 'pessimistic_write' } });
        if (match.status !== 'proposed') throw new MatchNotProposedError();
        match.answeredAt = new Date();
        if (!accept) {
          match.status = 'declined';
          return manager.getRepository(VolunteerMatch).save(match);
        }
        if (request.status !== 'open')
          throw new ConflictError('REQUEST_NOT_OPEN', {
            nl: 'Een andere vrijwilliger heeft deze hulpvraag al aangenomen.',
            en: 'Another volunteer has already taken this request.',
          });
        match.status = 'accepted';
        request.status = 'matched';
        await manager.getRepository(VolunteerMatch).save(match);
        await manager.getRepository(HelpRequest).save(request);
        // Other proposals for the request are withdrawn: their links then say so.
        await manager.query(
          `UPDATE volunteer_match SET status = 'ended', end_reason = 'request_matched', ended_at = now(), updated_at = now() WHERE help_request_id = $1 AND status = 'proposed'`,
          [request.id],
        );
        const [carer] = await manager.query<Array<{ account_id: string }>>(
          'SELECT account_id FROM carer WHERE id = $1',
          [request.carerId],
        );
        if (request.kind === 'respite_at_home' && carer) {
          const municipality = await this.municipalities.byId(request.municipalityId, manager);
          const { unbooked } = await this.atHome.book(manager, {
            municipality,
            carerId: request.carerId,
            accountId: carer.account_id,
            careRelationshipId: request.careRelationshipId,
            dates: wantedAtHome(request, today(municipality.timezone)),
            matchId: match.id,
          });
          // The acceptance stands; the weeks the budget (or an earlier booking) left out are told.
          if (unbooked.length > 0) {
            match.unbookedDates = unbooked;
            await manager.getRepository(VolunteerMatch).save(match);
            await this.tellVolunteer(manager, match, VOLUNTEER_MESSAGES.weeksUnbooked, { dates: unbooked });
          }
        }
        if (carer)
          await this.tell(
            manager,
            carer.account_id,
            VOLUNTEER_MESSAGES.matchAccepted,
            `match-accepted.${match.id}`,
            match.id,
          );
        return match;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01') {
        throw new ConflictError('OVERLAPPING_BOOKING', {
          nl: 'De mantelzorger heeft op een van de gevraagde tijden al respijtzorg geboekt.',
          en: 'The carer already has respite booked at one of the wanted times.',
        });
      }
      throw error;
    }
  }

  /** Staff end an accepted match, with a reason. */
  async end(matchId: string, reason: string): Promise<VolunteerMatch> {
    return this.dataSource.transaction(async (manager) => {
      const match = await manager.getRepository(VolunteerMatch).findOne({
        where: { id: matchId, municipalityId: this.context.municipalityId() },
        lock: { mode: 'pessimistic_write' },
      });
      if (!match) throw new NotFoundError({ nl: 'De koppeling', en: 'The match' });
      if (match.status !== 'accepted')
        throw new ConflictError('MATCH_NOT_ACTIVE', {
          nl: 'Alleen een aangenomen koppeling kan worden beëindigd.',
          en: 'Only an accepted match can be ended.',
        });
      Object.assign(match, { status: 'ended', endedAt: new Date(), endReason: reason });
      const ended = await manager.getRepository(VolunteerMatch).save(match);
      // Its at-home bookings still to come end with it, and the carer is told once which.
      const cancelled = await this.atHome.cancelForMatch(manager, match.id);
      const [carer] = await manager.query<Array<{ account_id: string; timezone: string }>>(
        'SELECT c.account_id, m.timezone FROM carer c JOIN municipality m ON m.id = c.municipality_id WHERE c.id = $1',
        [match.carerId],
      );
      if (carer)
        await this.tell(manager, carer.account_id, VOLUNTEER_MESSAGES.matchEnded, `match-ended.${match.id}`, match.id, {
          cancelled: cancelled.map((booking) => booking.startsAt.toISOString()),
          timezone: carer.timezone,
        });

      return ended;
    });
  }

  forRequest(requestId: string): Promise<VolunteerMatch[]> {
    return this.dataSource.getRepository(VolunteerMatch).find({
      where: { helpRequestId: requestId, municipalityId: this.context.municipalityId() },
      order: { createdAt: 'ASC' },
    });
  }

  async mine(): Promise<VolunteerMatch[]> {
    return this.dataSource
      .getRepository(VolunteerMatch)
      .createQueryBuilder('match')
      .innerJoin(Volunteer, 'volunteer', 'volunteer.id = match.volunteerId')
      .where('volunteer.accountId = :accountId', { accountId: this.context.actor().id })
      .orderBy('match.createdAt', 'DESC')
      .getMany();
  }

  /** A volunteer logs hours on their accepted match. */
  async logHours(matchId: string, workedOn: string, hours: number): Promise<VolunteerHours> {
    const [match] = await this.dataSource.query<
      Array<{ id: string; volunteer_id: string; municipality_id: string; status: string }>
    >(
      `SELECT m.id, m.volunteer_id, m.municipality_id, m.status FROM volunteer_match m JOIN volunteer v ON v.id = m.volunteer_id WHERE m.id = $1 AND v.account_id = $2`,
      [matchId, this.context.actor().id],
    );
    if (!match) throw new NotFoundError({ nl: 'De koppeling', en: 'The match' });
    if (match.status !== 'accepted')
      throw new ConflictError('MATCH_NOT_ACTIVE', {
        nl: 'Uren worden geschreven op een aangenomen koppeling.',
        en: 'Hours are logged on an accepted match.',
      });
    if (workedOn > today((await this.municipalities.current()).timezone)) throw new DateInFutureError('workedOn');
    const repository = this.dataSource.getRepository(VolunteerHours);
    return repository.save(
      repository.create({
        municipalityId: match.municipality_id,
        matchId: match.id,
        volunteerId: match.volunteer_id,
        workedOn,
        hours,
      }),
    );
  }

  private async tellVolunteer(
    manager: EntityManager,
    match: VolunteerMatch,
    kind: string,
    params: Record<string, unknown>,
  ): Promise<void> {
    const [volunteer] = await manager.query<Array<{ account_id: string }>>(
      'SELECT account_id FROM volunteer WHERE id = $1',
      [match.volunteerId],
    );
    if (volunteer) await this.tell(manager, volunteer.account_id, kind, `${kind}.${match.id}`, match.id, params);
  }

  private async tell(
    manager: EntityManager,
    accountId: string,
    kind: string,
    dedupeKey: string,
    matchId: string,
    params: Record<string, unknown> = {},
  ): Promise<void> {
    const account = await manager.getRepository(Account).findOneBy({ id: accountId });
    if (!account) return;
    await this.messages.queue(manager, {
      recipient: recipientOf(account),
      kind,
      params: { matchId, ...params },
      dedupeKey,
    });
  }
}

/** Dates of at-home respite a request wants: its own dates, and its weekly pattern from tomorrow until its end. */
function wantedAtHome(
  request: HelpRequest,
  today: string,
): Array<{ date: string; dagdeel: 'ochtend' | 'middag' | 'avond' }> {
  const tomorrow = DateTime.fromISO(today).plus({ days: 1 }).toISODate()!;
  const until = request.weeklyUntil ?? DateTime.fromISO(today).plus({ weeks: DEFAULT_WEEKLY_WEEKS }).toISODate()!;
  const weekly = request.weeklyPattern.length > 0 ? weeklyDates(request.weeklyPattern, tomorrow, until) : [];
  const seen = new Set(request.wantedDates.map((wanted) => `${wanted.date}-${wanted.dagdeel}`));
  return [...request.wantedDates, ...weekly.filter((wanted) => !seen.has(`${wanted.date}-${wanted.dagdeel}`))];
}
