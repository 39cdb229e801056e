import { Injectable } from '@nestjs/common';
import { DeliveryResult, MessageRepository } from '../messages/message.repository';

interface PendingOutcome {
  messageId: string;
  result: DeliveryResult;
  settle: (error?: Error) => void;
}

/**
 * Records the ends of deliveries as they come, many in one statement (a group commit): the
 * first outcome is written at once, and those that arrive while a write runs go together in the
 * next. Each caller waits until its own outcome is committed before it sends again, so a crash
 * repeats at most one message per send slot (MAIL_CONCURRENCY); the round trips, though, fall
 * from one per message to one per handful when many sends finish close together.
 */
@Injectable()
export class DeliveryOutcomes {
  private pending: PendingOutcome[] = [];
  private writing = false;

  constructor(private readonly messages: MessageRepository) {}

  record(messageId: string, result: DeliveryResult): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ messageId, result, settle: (error) => (error ? reject(error) : resolve()) });
      void this.writeWhilePending();
    });
  }

  private async writeWhilePending(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const written = this.pending;
        this.pending = [];
        try {
          await this.messages.finishMany(written);
          for (const outcome of written) outcome.settle();
        } catch (error) {
          const failure = error instanceof Error ? error : new Error('outcome not recorded');
          for (const outcome of written) outcome.settle(failure);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
