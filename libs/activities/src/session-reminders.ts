import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ActivityMessages, PARTICIPANT_RECIPIENT } from './activity-messages';
import { ActivitySession } from './activity.entity';
import { ActivityParticipant } from './participant.entity';

/**
 * The reminder the day before each session to everyone attending. Run every quarter of an
 * hour; the dedupe key (session, its sequence, person) sends it once, and a moved session gets a
 * fresh one. Cancelled sessions, withdrawn people and erased people are simply not selected.
 */
@Injectable()
export class SessionReminders {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly messages: ActivityMessages,
  ) {}

  async remindUpcoming(): Promise<number> {
    const sessions = await this.dataSource
      .getRepository(ActivitySession)
      .createQueryBuilder('session')
      .innerJoin('activity', 'activity', 'activity.id = session.activity_id')
      .where('session.cancelledAt IS NULL AND activity.cancelled_at IS NULL')
      .andWhere(`session.startsAt > now() AND session.startsAt <= now() + interval '24 hours'`)
      .getMany();
    let reminded = 0;
    for (const session of sessions) {
      reminded += await this.dataSource.transaction(async (manager) => {
        const participants = await manager.getRepository(ActivityParticipant).find({
          where: { activityId: session.activityId, status: 'attending' },
          select: PARTICIPANT_RECIPIENT,
        });
        return this.messages.remind(manager, session, participants);
      });
    }
    return reminded;
  }
}
