import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CarerDirectory } from '@app/carers';
import { DomainError, NotFoundError, RequestContext } from '@app/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { DateTime } from 'luxon';
import { CourseTrainings } from './course-trainings';
import { Activity, ActivitySession } from './activity.entity';
import { ActivityAttendance, ActivityParticipant } from './participant.entity';

export interface ParticipantListing {
  id: string;
  name: string;
  status: string;
  companions: number;
  joinedVia: string;
}

/**
 * What the facilitator (or staff) of an activity sees and records: who takes part, by name
 * only, and who came to each session.
 */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly carers: CarerDirectory,
    private readonly context: RequestContext,
    private readonly trainings: CourseTrainings,
  ) {}

  async participants(activityId: string): Promise<ParticipantListing[]> {
    const activity = await this.ledActivity(activityId);
    const participants = await this.dataSource.getRepository(ActivityParticipant).find({
      where: { activityId: activity.id, status: In(['attending', 'offered', 'waitlisted']) },
      order: { createdAt: 'ASC' },
    });
    const profiles = await this.carers.profiles(
      activity.municipalityId,
      participants.flatMap((participant) => (participant.accountId ? [participant.accountId] : [])),
    );
    return participants.map((participant) => {
      const profile = participant.accountId ? profiles.get(participant.accountId) : undefined;
      return {
        id: participant.id,
        name: profile ? `${profile.firstName} ${profile.lastName}` : (participant.residentName ?? '-'),
        status: participant.status,
        companions: participant.companions,
        joinedVia: participant.joinedVia,
      };
    });
  }

  /** Records who came to a session that has started; recording again corrects it. */
  async record(
    activityId: string,
    sessionId: string,
    entries: Array<{ participantId: string; attended: boolean }>,
  ): Promise<{ recorded: number; attended: number }> {
    const activity = await this.ledActivity(activityId);
    const session = await this.dataSource
      .getRepository(ActivitySession)
      .findOneBy({ id: sessionId, activityId: activity.id });
    if (!session) throw new NotFoundError({ nl: 'De bijeenkomst', en: 'The session' });
    if (session.cancelledAt)
      throw new DomainError('SESSION_CANCELLED', 409, {
        nl: 'Deze bijeenkomst gaat niet door.',
        en: 'This session is cancelled.',
      });
    if (session.startsAt > new Date())
      throw new DomainError('SESSION_NOT_STARTED', 409, {
        nl: 'Aanwezigheid wordt vastgelegd zodra de bijeenkomst begonnen is.',
        en: 'Attendance is recorded once the session has started.',
      });
    const ids = [...new Set(entries.map((entry) => entry.participantId))];
    const known = await this.dataSource
      .getRepository(ActivityParticipant)
      .find({ where: { id: In(ids), activityId: activity.id, status: 'attending' }, select: { id: true } });
    const knownIds = new Set(known.map((participant) => participant.id));
    const unknown = ids.filter((id) => !knownIds.has(id));
    if (unknown.length > 0) {
      throw new DomainError(
        'UNKNOWN_PARTICIPANT',
        422,
        {
          nl: 'Sommige regels gaan over mensen die niet aan deze activiteit deelnemen.',
          en: 'Some entries are not participants of this activity.',
        },
        unknown.map((id) => ({ field: 'entries.participantId', message: `${id} does not take part` })),
      );
    }
    const recordedBy = this.context.actor().id;
    const latest = new Map(entries.map((entry) => [entry.participantId, entry.attended]));
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ActivityAttendance)
        .values(
          [...latest].map(([participantId, attended]) => ({
            municipalityId: activity.municipalityId,
            activityId: activity.id,
            sessionId,
            participantId,
            attended,
            recordedBy,
          })),
        )
        .orUpdate(['attended', 'recorded_by', 'updated_at'], ['session_id', 'participant_id'])
        .execute();
      if (activity.givesTraining) await this.recordTrainings(manager, activity, session, [...latest], recordedBy);
    });
    return { recorded: latest.size, attended: [...latest.values()].filter(Boolean).length };
  }

  /** A course that gives a training: those who came have it from the session's day, for its months. */
  private async recordTrainings(
    manager: EntityManager,
    activity: Activity,
    session: ActivitySession,
    entries: Array<[string, boolean]>,
    recordedBy: string,
  ): Promise<void> {
    const came = entries.filter(([, attended]) => attended).map(([participantId]) => participantId);
    if (came.length === 0) return;
    const people = await manager
      .getRepository(ActivityParticipant)
      .find({ where: { id: In(came) }, select: { id: true, accountId: true } });
    const [{ timezone }] = await manager.query<Array<{ timezone: string }>>(
      'SELECT timezone FROM municipality WHERE id = $1',
      [activity.municipalityId],
    );
    const day = DateTime.fromJSDate(session.startsAt).setZone(timezone);
    // Residents without an account keep no training record; volunteers and staff do.
    await this.trainings.record(
      manager,
      people
        .flatMap(({ accountId }) => (accountId ? [{ accountId }] : []))
        .map(({ accountId }) => ({
          municipalityId: activity.municipalityId,
          accountId,
          activityId: activity.id,
          kind: activity.givesTraining!,
          completedOn: day.toISODate()!,
          validUntil: activity.trainingValidMonths
            ? day.plus({ months: activity.trainingValidMonths }).toISODate()!
            : null,
          recordedBy,
        })),
    );
  }

  /** Staff and admins see every activity of the municipality; a volunteer only those they lead. */
  private async ledActivity(activityId: string): Promise<Activity> {
    const actor = this.context.actor();
    const activity = await this.dataSource
      .getRepository(Activity)
      .findOneBy({ id: activityId, municipalityId: actor.municipalityId });
    if (!activity || (actor.role === 'volunteer' && activity.facilitatorAccountId !== actor.id))
      throw new NotFoundError({ nl: 'De activiteit', en: 'The activity' });
    return activity;
  }
}
