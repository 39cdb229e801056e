import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CarerService } from '@app/carers';
import { InvalidTokenError, MunicipalityService } from '@app/identity';
import { LinkTokens } from '@app/messaging';
import { noteAuditSubject, DomainError, NotFoundError, RequestContext, ValidationFailedError } from '@app/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { ActivityMessages } from './activity-messages';
import { PLACE_OFFER_PURPOSE, RSVP_PURPOSE } from './activity-message-kinds';
import { RESIDENT_WITHDRAW_PURPOSE } from './resident-message-kinds';
import { releasePlaces, takePlaces } from './activity-places';
import { Activity, ActivitySession } from './activity.entity';
import {
  ActivityCancelledError,
  NotEnoughPlacesError,
  ResponsesClosedError,
  TooManyCompanionsError,
} from './activity-errors';
import { ActivityInvitation, ActivityParticipant, ResidentRequest, placesOf } from './participant.entity';
import { openToResidents, responsesCloseAt } from './schedule';

/** Who answers: one person for one activity, and how they came to it. */
interface Respondent {
  activityId: string;
  municipalityId: string;
  /** Null for a resident without an account, who is known by their confirmed address. */
  accountId: string | null;
  resident?: { name: string; email: string; language: 'nl' | 'en' };
  wijkId: string | null;
  joinedVia: ActivityParticipant['joinedVia'];
}

/** The respondent a stored answer stands for, so it can be changed (withdrawn, an offer taken). */
function respondentOf(participant: ActivityParticipant): Respondent {
  return {
    ...participant,
    resident: participant.residentEmail
      ? {
          name: participant.residentName ?? '',
          email: participant.residentEmail,
          language: participant.residentLanguage ?? 'nl',
        }
      : undefined,
  };
}

type Answer = { attend: true; companions: number } | { attend: false; status: 'declined' | 'cancelled' };

const HOUR = 3_600_000;
const PROMOTION_BATCH = 50;

/**
 * The rules of taking part, each in one transaction on the participant's locked row: places
 * (the person plus companions) are taken by a conditional update of the activity, so racing
 * answers never pass capacity; a full activity puts the person on the waiting list; freed
 * places are held for the first waiting whose party fits, who confirms within the hold window.
 */
@Injectable()
export class ParticipationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carers: CarerService,
    private readonly municipalities: MunicipalityService,
    private readonly messages: ActivityMessages,
    private readonly tokens: LinkTokens,
    private readonly context: RequestContext,
  ) {}

  /** The answer to an invitation, by the token of its link. */
  async respond(token: string, response: 'yes' | 'no', companions = 0): Promise<ActivityParticipant> {
    const invitation = await this.invitationByToken(token);
    if (!invitation) throw new InvalidTokenError();
    const respondent: Respondent = { ...invitation, joinedVia: 'invitation' };
    return this.answer(
      respondent,
      response === 'yes' ? { attend: true, companions } : { attend: false, status: 'declined' },
    );
  }

  /** What an invitation link holder sees before answering: the activity and their current answer. */
  async invitationOf(
    token: string,
  ): Promise<{ invitation: ActivityInvitation; activity: Activity; participant: ActivityParticipant | null } | null> {
    const invitation = await this.invitationByToken(token);
    if (!invitation) return null;
    const activity = await this.dataSource.getRepository(Activity).findOneByOrFail({ id: invitation.activityId });
    const participant = await this.dataSource
      .getRepository(ActivityParticipant)
      .findOneBy({ activityId: invitation.activityId, accountId: invitation.accountId });
    return { invitation, activity, participant };
  }

  /**
   * A carer enrols themselves in a course or peer group (an event needs their invitation);
   * staff enrol any carer of the municipality in any activity.
   */
  async enrol(
    activityId: string,
    input: { carerId?: string; volunteerId?: string; self?: boolean; companions?: number },
  ): Promise<ActivityParticipant> {
    const actor = this.context.actor();
    const activity = await this.dataSource
      .getRepository(Activity)
      .findOneBy({ id: activityId, municipalityId: actor.municipalityId });
    if (!activity) throw new NotFoundError({ nl: 'De activiteit', en: 'The activity' });
    let respondent: Respondent;
    if (actor.role === 'volunteer' || input.self) {
      // Volunteers, and staff for themselves, join courses and groups opened to them.
      const group = actor.role === 'volunteer' ? 'volunteers' : 'staff';
      if (activity.kind === 'event' || !activity.alsoOpenTo.includes(group))
        throw new DomainError('NOT_OPEN_TO_YOU', 403, {
          nl: 'Deze activiteit is niet opengesteld voor u.',
          en: 'This activity is not open to you.',
        });
      const [volunteer] = await this.dataSource.query<Array<{ wijk_id: string | null }>>(
        'SELECT wijk_id FROM volunteer WHERE account_id = $1',
        [actor.id],
      );
      respondent = {
        activityId,
        municipalityId: actor.municipalityId,
        accountId: actor.id,
        wijkId: volunteer?.wijk_id ?? null,
        joinedVia: 'self',
      };
    } else if (input.volunteerId) {
      const [volunteer] = await this.dataSource.query<Array<{ account_id: string; wijk_id: string | null }>>(
        'SELECT account_id, wijk_id FROM volunteer WHERE id = $1 AND municipality_id = $2',
        [input.volunteerId, actor.municipalityId],
      );
      if (!volunteer) throw new NotFoundError({ nl: 'De vrijwilliger', en: 'The volunteer' });
      respondent = {
        activityId,
        municipalityId: actor.municipalityId,
        accountId: volunteer.account_id,
        wijkId: volunteer.wijk_id,
        joinedVia: 'staff',
      };
    } else if (actor.role === 'carer') {
      if (input.carerId)
        throw new ValidationFailedError([{ field: 'carerId', message: 'carers enrol themselves; leave carerId out' }]);
      const carer = await this.carers.mine();
      const invited = await this.dataSource
        .getRepository(ActivityInvitation)
        .existsBy({ activityId, accountId: carer.accountId });
      if (activity.kind === 'event' && !invited)
        throw new DomainError('INVITATION_REQUIRED', 403, {
          nl: 'Evenementen zijn voor genodigden; antwoord via uw uitnodiging.',
          en: 'Events are open to invited carers; answer through your invitation.',
        });
      respondent = {
        activityId,
        municipalityId: actor.municipalityId,
        accountId: carer.accountId,
        wijkId: carer.wijkId,
        joinedVia: invited ? 'invitation' : 'self',
      };
    } else {
      if (!input.carerId)
        throw new ValidationFailedError([
          { field: 'carerId', message: 'carerId is required when staff enrol a carer' },
        ]);
      const { carer } = await this.carers.get(input.carerId);
      respondent = {
        activityId,
        municipalityId: actor.municipalityId,
        accountId: carer.accountId,
        wijkId: carer.wijkId,
        joinedVia: 'staff',
      };
    }
    return this.answer(respondent, { attend: true, companions: input.companions ?? 0 });
  }

  /** The carer withdraws (their own), or staff withdraw someone; the places go to the waiting list. */
  async withdraw(activityId: string, participantId: string): Promise<ActivityParticipant> {
    const actor = this.context.actor();
    const participant = await this.dataSource
      .getRepository(ActivityParticipant)
      .findOneBy({ id: participantId, activityId, municipalityId: actor.municipalityId });
    if (!participant || (actor.role === 'carer' && participant.accountId !== actor.id))
      throw new NotFoundError({ nl: 'De deelnemer', en: 'The participant' });
    return this.answer(respondentOf(participant), { attend: false, status: 'cancelled' });
  }

  /** The person takes a place held for them, by the link of the offer mail. */
  async acceptOffer(token: string): Promise<ActivityParticipant> {
    const participant = await this.participantByToken(PLACE_OFFER_PURPOSE, token);
    if (!participant) throw new InvalidTokenError();
    if (participant.status !== 'offered' || !participant.offerExpiresAt || participant.offerExpiresAt <= new Date())
      throw new DomainError('OFFER_EXPIRED', 410, {
        nl: 'De plaats wordt niet meer voor u vastgehouden.',
        en: 'The place is no longer held.',
      });
    return this.answer(respondentOf(participant), { attend: true, companions: participant.companions });
  }

  /**
   * A resident without an account joins a course or peer group opened to residents, once their
   * address is confirmed; asking again changes the companions, never adds a second row.
   */
  async enrolResident(request: ResidentRequest): Promise<ActivityParticipant> {
    const activity = await this.dataSource.getRepository(Activity).findOneBy({ id: request.activityId });
    if (!activity || !openToResidents(activity)) throw new NotFoundError({ nl: 'De activiteit', en: 'The activity' });
    return this.answer(
      {
        activityId: activity.id,
        municipalityId: activity.municipalityId,
        accountId: null,
        resident: { name: request.name, email: request.email, language: request.language },
        wijkId: null,
        joinedVia: 'resident',
      },
      { attend: true, companions: request.companions },
    );
  }

  /** A resident withdraws through the link in their confirmation mail. */
  async withdrawResident(token: string): Promise<ActivityParticipant> {
    const participant = await this.participantByToken(RESIDENT_WITHDRAW_PURPOSE, token);
    if (!participant?.residentEmail) throw new InvalidTokenError();
    return this.answer(respondentOf(participant), { attend: false, status: 'cancelled' });
  }

  /** The signed-in person's answers and enrolments, with each activity and its next session. */
  async mine(): Promise<Array<{ participant: ActivityParticipant; activity: Activity; nextSessionAt: Date | null }>> {
    const actor = this.context.actor();
    const participants = await this.dataSource.getRepository(ActivityParticipant).find({
      where: { accountId: actor.id, municipalityId: actor.municipalityId },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    if (participants.length === 0) return [];
    const ids = participants.map((participant) => participant.activityId);
    const [activities, sessions] = await Promise.all([
      this.dataSource.getRepository(Activity).findBy({ id: In(ids) }),
      this.dataSource
        .getRepository(ActivitySession)
        .find({ where: { activityId: In(ids) }, order: { startsAt: 'ASC' } }),
    ]);
    const now = new Date();
    return participants.map((participant) => ({
      participant,
      activity: activities.find((activity) => activity.id === participant.activityId)!,
      nextSessionAt:
        sessions.find(
          (session) => session.activityId === participant.activityId && !session.cancelledAt && session.startsAt > now,
        )?.startsAt ?? null,
    }));
  }

  /** The activities the acting carer was invited to (events are open to invited carers only). */
  async invitedActivityIds(): Promise<Set<string>> {
    const actor = this.context.actor();
    const invitations = await this.dataSource
      .getRepository(ActivityInvitation)
      .find({ where: { accountId: actor.id, municipalityId: actor.municipalityId }, select: { activityId: true } });
    return new Set(invitations.map((invitation) => invitation.activityId));
  }

  /** Offers past their hold window lapse; the places go to the next waiting (worker job). */
  async expireOffers(): Promise<number> {
    let expired = 0;
    for (;;) {
      const batch = await this.dataSource.transaction(async (manager) => {
        const stale = await manager
          .getRepository(ActivityParticipant)
          .createQueryBuilder('participant')
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .where(`participant.status = 'offered' AND participant.offerExpiresAt <= now()`)
          .orderBy('participant.offerExpiresAt')
          .limit(PROMOTION_BATCH)
          .getMany();
        for (const participant of stale) {
          const places = placesOf(participant);
          Object.assign(participant, { status: 'cancelled', offerExpiresAt: null, waitlistedAt: null });
          await manager.getRepository(ActivityParticipant).save(participant);
          await releasePlaces(manager, participant.activityId, places);
          const activity = await manager.getRepository(Activity).findOneByOrFail({ id: participant.activityId });
          await this.promote(manager, activity, await this.sessions(manager, activity.id));
        }
        return stale.length;
      });
      expired += batch;
      if (batch < PROMOTION_BATCH) return expired;
    }
  }

  private answer(respondent: Respondent, wanted: Answer): Promise<ActivityParticipant> {
    return this.dataSource.transaction(async (manager) => {
      const activity = await manager
        .getRepository(Activity)
        .findOneBy({ id: respondent.activityId, municipalityId: respondent.municipalityId });
      if (!activity) throw new NotFoundError({ nl: 'De activiteit', en: 'The activity' });
      if (activity.cancelledAt) throw new ActivityCancelledError();
      const sessions = await this.sessions(manager, activity.id);
      const closes = responsesCloseAt(activity, sessions);
      if (!closes || closes <= new Date()) throw new ResponsesClosedError(activity.responseCutoffHours);
      if (wanted.attend && wanted.companions > activity.maxCompanions)
        throw new TooManyCompanionsError(activity.maxCompanions);

      const participant = await this.lockParticipant(manager, respondent);
      const before = { status: participant.status, companions: participant.companions };
      const held = placesOf(participant);
      let freed = 0;
      if (!wanted.attend) {
        freed = held;
        if ((participant.status === 'declined' || participant.status === 'cancelled') && participant.respondedAt)
          return participant;
        Object.assign(participant, { status: wanted.status, companions: 0, offerExpiresAt: null, waitlistedAt: null });
      } else {
        const need = 1 + wanted.companions;
        if (held > 0) {
          if (need > held && !(await takePlaces(manager, activity.id, need - held))) throw new NotEnoughPlacesError();
          freed = Math.max(0, held - need);
          Object.assign(participant, {
            status: 'attending',
            companions: wanted.companions,
            offerExpiresAt: null,
            waitlistedAt: null,
          });
        } else if (await takePlaces(manager, activity.id, need)) {
          Object.assign(participant, { status: 'attending', companions: wanted.companions, waitlistedAt: null });
        } else {
          Object.assign(participant, {
            status: 'waitlisted',
            companions: wanted.companions,
            waitlistedAt: participant.status === 'waitlisted' ? participant.waitlistedAt : new Date(),
          });
        }
      }
      participant.respondedAt = new Date();
      await manager.getRepository(ActivityParticipant).save(participant);
      noteAuditSubject(participant.id);
      if (freed > 0) {
        await releasePlaces(manager, activity.id, freed);
        await this.promote(manager, activity, sessions);
      }
      if (before.status !== participant.status || before.companions !== participant.companions)
        await this.messages.answerConfirmed(manager, participant);
      return participant;
    });
  }

  /** The person's row for this activity, created on their first answer, and locked. */
  private async lockParticipant(manager: EntityManager, respondent: Respondent): Promise<ActivityParticipant> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ActivityParticipant)
      .values({
        municipalityId: respondent.municipalityId,
        activityId: respondent.activityId,
        accountId: respondent.accountId,
        residentName: respondent.resident?.name ?? null,
        residentEmail: respondent.resident?.email ?? null,
        residentLanguage: respondent.resident?.language ?? null,
        wijkId: respondent.wijkId,
        joinedVia: respondent.joinedVia,
        status: 'declined',
        companions: 0,
      })
      .orIgnore()
      .execute();
    return manager.getRepository(ActivityParticipant).findOneOrFail({
      where: respondent.accountId
        ? { activityId: respondent.activityId, accountId: respondent.accountId }
        : { activityId: respondent.activityId, residentEmail: respondent.resident!.email },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /**
   * Holds freed places for those waiting longest whose party fits, until the hold window or the
   * response cut-off ends. A larger party keeps its turn for the next freed places.
   */
  private async promote(manager: EntityManager, activity: Activity, sessions: ActivitySession[]): Promise<void> {
    const closes = responsesCloseAt(activity, sessions);
    if (!closes || closes <= new Date() || activity.cancelledAt) return;
    const [room] = await manager.query<Array<{ left: number }>>(
      'SELECT capacity - places_taken AS left FROM activity WHERE id = $1',
      [activity.id],
    );
    let left = room?.left ?? 0;
    if (left <= 0) return;
    const waiting = await manager
      .getRepository(ActivityParticipant)
      .createQueryBuilder('participant')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where(`participant.activityId = :activityId AND participant.status = 'waitlisted'`, { activityId: activity.id })
      .orderBy('participant.waitlistedAt')
      .addOrderBy('participant.id')
      .limit(PROMOTION_BATCH)
      .getMany();
    const { settings } = await this.municipalities.byId(activity.municipalityId, manager);
    const expiresAt = new Date(Math.min(Date.now() + settings.waitlistHoldHours * HOUR, closes.getTime()));
    for (const participant of waiting) {
      const need = 1 + participant.companions;
      if (need > left || !(await takePlaces(manager, activity.id, need))) continue;
      left -= need;
      Object.assign(participant, { status: 'offered', offerExpiresAt: expiresAt });
      await manager.getRepository(ActivityParticipant).save(participant);
      await this.messages.placeOffered(manager, participant);
      if (left <= 0) return;
    }
  }

  /** The participant a link's token stands for (a held place, a resident's withdrawal); null when forged, expired or for another purpose. */
  async participantByToken(purpose: string, token: string): Promise<ActivityParticipant | null> {
    const participantId = this.tokens.verify(purpose, token);
    return participantId ? this.dataSource.getRepository(ActivityParticipant).findOneBy({ id: participantId }) : null;
  }

  /** The invitation an RSVP link's token stands for; null when forged, expired or for another purpose. */
  private async invitationByToken(token: string): Promise<ActivityInvitation | null> {
    const invitationId = this.tokens.verify(RSVP_PURPOSE, token);
    return invitationId ? this.dataSource.getRepository(ActivityInvitation).findOneBy({ id: invitationId }) : null;
  }

  private sessions(manager: EntityManager, activityId: string): Promise<ActivitySession[]> {
    return manager.getRepository(ActivitySession).find({ where: { activityId }, order: { startsAt: 'ASC' } });
  }
}
