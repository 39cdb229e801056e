import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountService, MunicipalityService } from '@app/identity';
import {
  DomainError,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
  Page,
  PageQuery,
  paginate,
  RequestContext,
  STAFF_ROLES,
  ValidationFailedError,
} from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ActivityMessages } from './activity-messages';
import { Activity, ActivitySession } from './activity.entity';
import { CapacityBelowTakenError, InvalidScheduleProblem } from './activity-errors';
import { CreateActivityDto, UpdateActivityDto } from './dto/activity.dto';
import {
  dagVanDeMantelzorgDate,
  InvalidScheduleError,
  localSession,
  recurringSessions,
  SessionTimes,
} from './sessions';

export interface ActivityWithSessions {
  activity: Activity;
  sessions: ActivitySession[];
}

const DEFAULT_START = '14:00';
const DEFAULT_END = '17:00';

/** Activities and their sessions: staff create and change them; everyone of the municipality reads them. */
@Injectable()
export class ActivityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectMunicipalityScoped(Activity) private readonly activities: MunicipalityScopedRepository<Activity>,
    @InjectMunicipalityScoped(ActivitySession) private readonly sessions: MunicipalityScopedRepository<ActivitySession>,
    private readonly accounts: AccountService,
    private readonly municipalities: MunicipalityService,
    private readonly messages: ActivityMessages,
    private readonly context: RequestContext,
  ) {}

  async create(input: CreateActivityDto): Promise<ActivityWithSessions> {
    if (input.occasion && input.kind !== 'event')
      throw new DomainError(
        'INVALID_ACTIVITY',
        422,
        { nl: 'De Dag van de Mantelzorg is een evenement.', en: 'The Dag van de Mantelzorg is an event.' },
        [{ field: 'occasion', message: 'only for kind event' }],
      );
    if (input.kind !== 'course' && (input.givesTraining !== undefined || input.trainingValidMonths !== undefined))
      throw new ValidationFailedError([{ field: 'givesTraining', message: 'only a course gives a training' }]);
    if (input.trainingValidMonths !== undefined && input.givesTraining === undefined)
      throw new ValidationFailedError([{ field: 'trainingValidMonths', message: 'goes with givesTraining' }]);
    if ((input.kind === 'peer_group') !== (input.theme !== undefined)) {
      throw new DomainError(
        'INVALID_ACTIVITY',
        422,
        {
          nl: 'Een lotgenotengroep heeft een thema; andere soorten niet.',
          en: 'A peer group has a theme; other kinds have none.',
        },
        [{ field: 'theme', message: 'required for, and only for, a peer group' }],
      );
    }
    if (input.facilitatorAccountId) await this.assertFacilitator(input.facilitatorAccountId);
    const { timezone } = await this.municipalities.current();
    const times = this.schedule(input, timezone);
    return this.dataSource.transaction(async (manager) => {
      const activity = await this.activities.save(
        this.activities.create({
          kind: input.kind,
          occasion: input.occasion ?? null,
          title: input.title,
          description: input.description ?? null,
          location: input.location ?? null,
          theme: input.theme ?? null,
          givesTraining: input.givesTraining ?? null,
          trainingValidMonths: input.trainingValidMonths ?? null,
          alsoOpenTo: [...new Set(input.alsoOpenTo ?? [])],
          capacity: input.capacity,
          placesTaken: 0,
          maxCompanions: input.maxCompanions ?? (input.kind === 'event' ? 1 : 0),
          responseCutoffHours: input.responseCutoffHours ?? 24,
          facilitatorAccountId: input.facilitatorAccountId ?? null,
          createdBy: this.context.actor().id,
          cancelledAt: null,
        }),
        manager,
      );
      const sessions = await manager
        .getRepository(ActivitySession)
        .save(
          times.map((time) =>
            manager
              .getRepository(ActivitySession)
              .create({ municipalityId: activity.municipalityId, activityId: activity.id, ...time, cancelledAt: null }),
          ),
        );
      return { activity, sessions: sortSessions(sessions) };
    });
  }

  async update(activityId: string, changes: UpdateActivityDto): Promise<ActivityWithSessions> {
    if (changes.facilitatorAccountId) await this.assertFacilitator(changes.facilitatorAccountId);
    await this.dataSource.transaction(async (manager) => {
      const activity = await this.lock(manager, activityId);
      if (changes.capacity !== undefined && changes.capacity < activity.placesTaken)
        throw new CapacityBelowTakenError(activity.placesTaken);
      Object.assign(activity, changes);
      await manager.getRepository(Activity).save(activity);
    });
    return this.get(activityId);
  }

  async get(activityId: string): Promise<ActivityWithSessions> {
    const activity = await this.activities.findOne({ id: activityId });
    if (!activity) throw new NotFoundError({ nl: 'De activiteit', en: 'The activity' });
    return { activity, sessions: await this.sessionsOf(activity.id) };
  }

  /** Staff see every activity; carers and volunteers those not cancelled with a session still ahead. */
  async list(page: PageQuery): Promise<Page<ActivityWithSessions>> {
    const query = this.activities.query('activity');
    if (!STAFF_ROLES.includes(this.context.actor().role)) {
      query
        .andWhere('activity.cancelledAt IS NULL')
        .andWhere(
          'EXISTS (SELECT 1 FROM activity_session s WHERE s.activity_id = activity.id AND s.cancelled_at IS NULL AND s.starts_at > now())',
        );
    }
    const found = await paginate(query, page);
    const sessions =
      found.items.length === 0
        ? []
        : await this.sessions
            .query('session')
            .andWhere('session.activityId IN (:...ids)', { ids: found.items.map((activity) => activity.id) })
            .getMany();
    return {
      items: found.items.map((activity) => ({
        activity,
        sessions: sortSessions(sessions.filter((session) => session.activityId === activity.id)),
      })),
      nextCursor: found.nextCursor,
    };
  }

  /** Calls one session off; everyone taking part hears of it, with a calendar cancellation. */
  async cancelSession(activityId: string, sessionId: string, reason: string | null): Promise<ActivityWithSessions> {
    await this.dataSource.transaction(async (manager) => {
      const activity = await this.lock(manager, activityId);
      const session = await this.session(manager, activity.id, sessionId);
      if (session.cancelledAt) return;
      session.cancelledAt = new Date();
      session.sequence += 1;
      await manager.getRepository(ActivitySession).save(session);
      await this.messages.sessionChanged(manager, activity, session, { cancelled: true, reason });
    });
    return this.get(activityId);
  }

  /** Moves one session; participants get the new time with an updated calendar entry, and reminders follow. */
  async moveSession(activityId: string, sessionId: string, times: SessionTimes): Promise<ActivityWithSessions> {
    if (times.endsAt <= times.startsAt)
      throw new InvalidScheduleProblem({
        nl: 'Een bijeenkomst eindigt na het begin.',
        en: 'A session ends after it starts.',
      });
    if (times.startsAt <= new Date())
      throw new InvalidScheduleProblem({
        nl: 'Een bijeenkomst kan niet naar het verleden worden verplaatst.',
        en: 'A session cannot be moved into the past.',
      });
    await this.dataSource.transaction(async (manager) => {
      const activity = await this.lock(manager, activityId);
      const session = await this.session(manager, activity.id, sessionId);
      if (session.cancelledAt)
        throw new DomainError('SESSION_CANCELLED', 409, {
          nl: 'Deze bijeenkomst gaat niet door.',
          en: 'This session is cancelled.',
        });
      if (
        session.startsAt.getTime() === times.startsAt.getTime() &&
        session.endsAt.getTime() === times.endsAt.getTime()
      )
        return;
      Object.assign(session, times, { sequence: session.sequence + 1 });
      await manager.getRepository(ActivitySession).save(session);
      await this.messages.sessionChanged(manager, activity, session, { cancelled: false, reason: null });
    });
    return this.get(activityId);
  }

  sessionsOf(activityId: string, manager?: EntityManager): Promise<ActivitySession[]> {
    return (manager ?? this.dataSource.manager)
      .getRepository(ActivitySession)
      .find({ where: { activityId }, order: { startsAt: 'ASC' } });
  }

  /** The activity's row, locked: changes to it and to its places queue behind each other. */
  async lock(manager: EntityManager, activityId: string): Promise<Activity> {
    const activity = await manager
      .getRepository(Activity)
      .createQueryBuilder('activity')
      .setLock('pessimistic_write')
      .where('activity.id = :activityId AND activity.municipalityId = :municipalityId', {
        activityId,
        municipalityId: this.context.municipalityId(),
      })
      .getOne();
    if (!activity) throw new NotFoundError({ nl: 'De activiteit', en: 'The activity' });
    return activity;
  }

  private async session(manager: EntityManager, activityId: string, sessionId: string): Promise<ActivitySession> {
    const session = await manager.getRepository(ActivitySession).findOneBy({ id: sessionId, activityId });
    if (!session) throw new NotFoundError({ nl: 'De bijeenkomst', en: 'The session' });
    return session;
  }

  private async assertFacilitator(accountId: string): Promise<void> {
    const account = await this.accounts.getInMunicipality(accountId).catch(() => null);
    if (!account || !['staff', 'admin', 'volunteer'].includes(account.role) || account.disabledAt) {
      throw new DomainError(
        'INVALID_FACILITATOR',
        422,
        {
          nl: 'De begeleider is een medewerker of vrijwilliger van deze gemeente.',
          en: 'The facilitator is a staff member or volunteer of this municipality.',
        },
        [{ field: 'facilitatorAccountId', message: 'not a staff member or volunteer here' }],
      );
    }
  }

  /** Sessions from exactly one of: one-off times, a recurrence, or a local date (10 November by default for the Dag van de Mantelzorg). */
  private schedule(input: CreateActivityDto, timezone: string): SessionTimes[] {
    const given = [
      input.sessions !== undefined,
      input.recurrence !== undefined,
      input.date !== undefined || input.startTime !== undefined || input.endTime !== undefined,
    ].filter(Boolean).length;
    if (given > 1)
      throw new InvalidScheduleProblem({
        nl: 'Geef bijeenkomsten, een herhaling of een datum met tijden: één daarvan.',
        en: 'Give sessions, a recurrence, or a date with times: one of them.',
      });
    let times: SessionTimes[];
    try {
      if (input.sessions)
        times = input.sessions.map((session) => ({
          startsAt: new Date(session.startsAt),
          endsAt: new Date(session.endsAt),
        }));
      else if (input.recurrence) times = recurringSessions(input.recurrence, timezone);
      else if (input.date || input.occasion) {
        const date = input.date ?? dagVanDeMantelzorgDate(timezone);
        times = [
          localSession(
            { date, startTime: input.startTime ?? DEFAULT_START, endTime: input.endTime ?? DEFAULT_END },
            timezone,
          ),
        ];
      } else
        throw new InvalidScheduleError({
          nl: 'Geef bijeenkomsten, een herhaling of een datum.',
          en: 'Give sessions, a recurrence, or a date.',
        });
    } catch (error) {
      if (error instanceof InvalidScheduleError) throw new InvalidScheduleProblem(error.text);
      throw error;
    }
    const now = Date.now();
    if (times.some((time) => time.endsAt <= time.startsAt))
      throw new InvalidScheduleProblem({
        nl: 'Een bijeenkomst eindigt na het begin.',
        en: 'A session ends after it starts.',
      });
    if (times.some((time) => time.startsAt.getTime() <= now))
      throw new InvalidScheduleProblem({
        nl: 'Bijeenkomsten liggen in de toekomst.',
        en: 'Sessions lie in the future.',
      });
    return times;
  }
}

function sortSessions(sessions: ActivitySession[]): ActivitySession[] {
  return [...sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
