import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MailRequestThrottle } from '@app/identity';
import { MessageService } from '@app/messaging';
import { NotFoundError } from '@app/platform';
import { DataSource } from 'typeorm';
import { TooManyCompanionsError } from './activity-errors';
import { ResidentRequest } from './participant.entity';
import { RESIDENT_MESSAGES } from './resident-message-kinds';
import { ResidentSignups } from './resident-signups';

/** A resident asks to join: the request is kept and the confirmation link mailed, within the mail allowance. */
@Injectable()
export class ResidentRequests {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signups: ResidentSignups,
    private readonly messages: MessageService,
    private readonly throttle: MailRequestThrottle,
  ) {}

  /**
   * Mails the confirmation link. The answer is the same whether or not a mail went out (the
   * allowance per address and caller is spent), so the limit tells nothing about anyone.
   */
  async request(
    activityId: string,
    input: { name: string; email: string; companions: number; language: 'nl' | 'en' },
    ip: string,
  ): Promise<void> {
    const open = await this.signups.openActivity(activityId);
    if (!open) throw new NotFoundError({ nl: 'De activiteit', en: 'The activity' });
    if (input.companions > open.activity.maxCompanions) throw new TooManyCompanionsError(open.activity.maxCompanions);
    const email = input.email.trim().toLowerCase();
    if (!(await this.throttle.allows('activity-resident', email, ip))) return;
    await this.dataSource.transaction(async (manager) => {
      const request = await manager.getRepository(ResidentRequest).save({
        municipalityId: open.activity.municipalityId,
        activityId,
        name: input.name.trim(),
        email,
        companions: input.companions,
        language: input.language,
      });
      await this.messages.queue(manager, {
        recipient: {
          accountId: null,
          municipalityId: open.activity.municipalityId,
          email,
          language: input.language,
          channel: 'email',
        },
        kind: RESIDENT_MESSAGES.confirmRequest,
        params: { requestId: request.id },
      });
    });
  }
}
