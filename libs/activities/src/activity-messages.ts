import { Injectable } from '@nestjs/common';
import { Account, recipientOf } from '@app/identity';
import { MessageService, NewMessage } from '@app/messaging';
import { EntityManager, In } from 'typeorm';
import { Activity, ActivitySession } from './activity.entity';
import { ACTIVITY_MESSAGES } from './activity-message-kinds';
import { ActivityParticipant } from './participant.entity';

/** What a message to a participant needs: an account, or a resident's address and language. */
export type ParticipantRecipient = Pick<
  ActivityParticipant,
  'id' | 'municipalityId' | 'accountId' | 'residentEmail' | 'residentLanguage'
>;
export const PARTICIPANT_RECIPIENT = {
  id: true,
  municipalityId: true,
  accountId: true,
  residentEmail: true,
  residentLanguage: true,
} as const;

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
    const recipient = (await this.recipients(manager, [participant])).get(participant.id);
    if (!recipient) return;
    await this.messages.queue(manager, {
      recipient,
      kind: ACTIVITY_MESSAGES.answerConfirmed,
      params: { participantId: participant.id, status: participant.status, companions: participant.companions },
    });
  }

  async placeOffered(manager: EntityManager, participant: ActivityParticipant): Promise<void> {
    const recipient = (await this.recipients(manager, [participant])).get(participant.id);
    if (!recipient) return;
    await this.messages.queue(manager, {
      recipient,
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
      select: PARTICIPANT_RECIPIENT,
    });
    const recipients = await this.recipients(manager, participants);
    for (const participant of participants) {
      const recipient = recipients.get(participant.id);
      if (!recipient) continue;
      await this.messages.queue(manager, {
        recipient,
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
    participants: ParticipantRecipient[],
  ): Promise<number> {
    const recipients = await this.recipients(manager, participants);
    let queued = 0;
    for (const participant of participants) {
      const recipient = recipients.get(participant.id);
      if (!recipient) continue;
      const message = await this.messages.queue(manager, {
        recipient,
        kind: ACTIVITY_MESSAGES.reminder,
        params: { sessionId: session.id, participantId: participant.id },
        dedupeKey: `activity-reminder.${session.id}.${session.sequence}.${participant.id}`,
      });
      if (message) queued++;
    }
    return queued;
  }

  /** Per participant: their account's address and channel, or a resident's confirmed address. */
  private async recipients(
    manager: EntityManager,
    participants: ParticipantRecipient[],
  ): Promise<Map<string, NewMessage['recipient']>> {
    const accountIds = participants.flatMap((participant) => (participant.accountId ? [participant.accountId] : []));
    const accounts = accountIds.length > 0 ? await manager.getRepository(Account).findBy({ id: In(accountIds) }) : [];
    const byId = new Map(accounts.map((account) => [account.id, account]));
    const recipients = new Map<string, NewMessage['recipient']>();
    for (const participant of participants) {
      const account = participant.accountId ? byId.get(participant.accountId) : undefined;
      if (account) recipients.set(participant.id, recipientOf(account));
      else if (participant.residentEmail)
        recipients.set(participant.id, {
          accountId: null,
          municipalityId: participant.municipalityId,
          email: participant.residentEmail,
          language: participant.residentLanguage ?? 'nl',
          channel: 'email',
        });
    }
    return recipients;
  }
}
