import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InvalidTokenError, MunicipalityService } from '@app/identity';
import { LinkTokens } from '@app/messaging';
import { DataSource, In } from 'typeorm';
import { Activity, ActivitySession } from './activity.entity';
import { ParticipationService } from './participation.service';
import { ActivityParticipant, ResidentRequest } from './participant.entity';
import { RESIDENT_CONFIRM_PURPOSE } from './resident-message-kinds';
import { openToResidents, responsesCloseAt } from './schedule';

/** A request not confirmed within this time is dropped, and its link no longer works. */
export const RESIDENT_REQUEST_HOURS = 48;
/** A resident's name and address are kept this long after the activity's last session. */
const FORGET_RESIDENTS_AFTER_DAYS = 30;

export interface OpenActivity {
  activity: Activity;
  sessions: ActivitySession[];
  responsesCloseAt: Date;
}

/**
 * Residents without an account join courses and peer groups opened to them: they ask with a
 * name and an address, confirm through the mailed link (nobody is signed up with another's
 * address), and withdraw through the link of their confirmation. Places follow the same rules as
 * everyone's, in ParticipationService. Asking (which mails) is ResidentRequests, in the API only.
 */
@Injectable()
export class ResidentSignups {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalityService,
    private readonly participation: ParticipationService,
    private readonly tokens: LinkTokens,
  ) {}

  /** What residents of a municipality can sign up for now, soonest first. */
  async open(municipalityCode: string): Promise<OpenActivity[]> {
    const municipality = await this.municipalities.findByCode(municipalityCode);
    const activities = await this.dataSource
      .getRepository(Activity)
      .createQueryBuilder('activity')
      .where('activity.municipalityId = :id AND activity.cancelledAt IS NULL AND activity.kind <> :event', {
        id: municipality.id,
        event: 'event',
      })
      .andWhere(`'residents' = ANY(activity.alsoOpenTo)`)
      .getMany();
    if (activities.length === 0) return [];
    const sessions = await this.dataSource.getRepository(ActivitySession).find({
      where: { activityId: In(activities.map((activity) => activity.id)) },
      order: { startsAt: 'ASC' },
    });
    const now = new Date();
    return activities
      .flatMap((activity) => {
        const open = openOf(
          activity,
          sessions.filter((session) => session.activityId === activity.id),
          now,
        );
        return open ? [open] : [];
      })
      .sort((a, b) => (a.sessions[0]?.startsAt.getTime() ?? 0) - (b.sessions[0]?.startsAt.getTime() ?? 0));
  }

  /** One activity open to residents, for its sign-up page; null when it is not (or no longer) open. */
  async openActivity(activityId: string): Promise<OpenActivity | null> {
    const activity = await this.dataSource.getRepository(Activity).findOneBy({ id: activityId });
    if (!activity || !openToResidents(activity)) return null;
    const sessions = await this.dataSource
      .getRepository(ActivitySession)
      .find({ where: { activityId }, order: { startsAt: 'ASC' } });
    return openOf(activity, sessions, new Date());
  }

  /** The resident confirms by the mailed link: the place is taken (or the waiting list joined). */
  async confirm(token: string): Promise<ActivityParticipant> {
    const request = await this.requestByToken(token);
    if (!request) throw new InvalidTokenError();
    const participant = await this.participation.enrolResident(request);
    // The request is spent; confirming the same link again changes nothing.
    await this.dataSource.getRepository(ResidentRequest).delete({ id: request.id });
    return participant;
  }

  /** What a confirmation link stands for, for its page; null when spent, expired or forged. */
  async requestByToken(token: string): Promise<ResidentRequest | null> {
    const requestId = this.tokens.verify(RESIDENT_CONFIRM_PURPOSE, token);
    if (!requestId) return null;
    const request = await this.dataSource.getRepository(ResidentRequest).findOneBy({ id: requestId });
    if (!request || request.createdAt.getTime() < Date.now() - RESIDENT_REQUEST_HOURS * 3_600_000) return null;
    return request;
  }

  /**
   * Drops unconfirmed requests past their time, and forgets residents' names and addresses a
   * month after their activity's last session; the anonymous answer stays for the figures.
   */
  async forgetResidents(): Promise<{ requests: number; residents: number }> {
    const [, requests] = await this.dataSource.query<[unknown, number]>(
      `DELETE FROM activity_resident_request WHERE created_at < now() - make_interval(hours => $1)`,
      [RESIDENT_REQUEST_HOURS],
    );
    const [, residents] = await this.dataSource.query<[unknown, number]>(
      `UPDATE activity_participant p SET resident_name = NULL, resident_email = NULL, updated_at = now()
        WHERE p.resident_email IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM activity_session s WHERE s.activity_id = p.activity_id
                            AND s.ends_at > now() - make_interval(days => $1))`,
      [FORGET_RESIDENTS_AFTER_DAYS],
    );
    return { requests, residents };
  }
}

/** The activity with its sessions still ahead, while answers can still change; null once they cannot. */
function openOf(activity: Activity, sessions: ActivitySession[], now: Date): OpenActivity | null {
  const closes = responsesCloseAt(activity, sessions, now);
  if (!closes || closes <= now) return null;
  return {
    activity,
    sessions: sessions.filter((session) => !session.cancelledAt && session.startsAt > now),
    responsesCloseAt: closes,
  };
}
