import { Injectable } from '@nestjs/common';
import { Account, recipientOf } from '@app/identity';
import { MessageService } from '@app/messaging';
import { EntityManager, In } from 'typeorm';
import { Activity, ActivitySession } from './activity.entity';
import { ACTIVITY_MESSAGES } from './activity-message-kinds';
import { ActivityParticipant } from './participant.entity';

/**
 * The mail an answer or a schedule change causes, queued in that change's transaction.
 * Dedupe keys carry what changed (status, start time), so a repeat sends nothing twice and a
 * new situation gets a new message.
 */
@Injectable()
export class ActivityMessages {
  constructor(private readonly messages: MessageService) {}

  /** Registered (with the sessions as calendar entries) or on the waiting list; the service calls it only when the answer changed. */
  async answerConfirmed(manager: EntityManager, participant: ActivityParticipant): Promise<void> {
    if (participant.status !== 'attending' && participant.status !== 'waitlisted') return;
    const account = await manager.getRepository(Account).findOneBy({ id: participant.accountId });
    if (!account) return;
    await this.messages.queue(manager, {
      recipient: recipientOf(account),
      kind: ACTIVITY_MESSAGES.answerConfirmed,
      params: { participantId: participant.id, status: participant.status, companions: participant.companions },
    });
  }

  async placeOffered(manager: EntityManager, participant: ActivityParticipant): Promise<void> {
    const account = await manager.getRepository(Account).findOneBy({ id: participant.accountId });
    if (!account) return;
    await this.messages.queue(manager, {
      recipient: recipientOf(account),
      kind: ACTIVITY_MESSAGES.placeOffered,
      params: { participantId: participant.id },
      dedupeKey: `activity-place-offered.${participant.id}.${participant.offerExpiresAt!.getTime()}`,
    });
  }

  /** Tells everyone with a place that a session was cancelled or moved. */
  async sessionChanged(
    manager: EntityManager,
    activity: Activity,
    session: ActivitySession,
    change: { cancelled: boolean; reason: string | null },
  ): Promise<void> {
    const participants = await manager.getRepository(ActivityParticipant).find({
      where: { activityId: activity.id, status: In(['attending', 'offered']) },
      select: { id: true, accountId: true },
    });
    const accounts = await this.accounts(manager, participants);
    for (const participant of participants) {
      const account = accounts.get(participant.accountId);
      if (!account) continue;
      await this.messages.queue(manager, {
        recipient: recipientOf(account),
        kind: ACTIVITY_MESSAGES.sessionChanged,
        params: { sessionId: session.id, cancelled: change.cancelled, reason: change.reason },
        dedupeKey: `activity-session-changed.${session.id}.${session.sequence}.${participant.id}`,
      });
    }
  }

  /** The reminder before a session, once per session time and person. */
  async remind(
    manager: EntityManager,
    session: ActivitySession,
    participants: Array<Pick<ActivityParticipant, 'id' | 'accountId'>>,
  ): Promise<number> {
    const accounts = await this.accounts(manager, participants);
    let queued = 0;
    for (const participant of participants) {
      const account = accounts.get(participant.accountId);
      if (!account) continue;
      const message = await this.messages.queue(manager, {
        recipient: recipientOf(account),
        kind: ACTIVITY_MESSAGES.reminder,
        params: { sessionId: session.id, participantId: participant.id },
        dedupeKey: `activity-reminder.${session.id}.${session.sequence}.${participant.id}`,
      });
      if (message) queued++;
    }
    return queued;
  }

  private async accounts(
    manager: EntityManager,
    participants: Array<Pick<ActivityParticipant, 'accountId'>>,
  ): Promise<Map<string, Account>> {
    if (participants.length === 0) return new Map();
    const accounts = await manager
      .getRepository(Account)
      .findBy({ id: In(participants.map((participant) => participant.accountId)) });
    return new Map(accounts.map((account) => [account.id, account]));
  }
}
