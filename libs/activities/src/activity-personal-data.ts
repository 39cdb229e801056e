import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExportSection, PersonalDataRegistry, PersonalDataSource, SubjectOwner, oneAtATime } from '@app/privacy';
import { EntityManager } from 'typeorm';

/**
 * The person's invitations, answers (RSVPs) and attendance. They stay, anonymous, for the activity
 * figures. Residents without an account are forgotten by ResidentSignups a month after the activity.
 */
@Injectable()
export class ActivityPersonalData implements PersonalDataSource, OnModuleInit {
  readonly tables = ['activity_invitation', 'activity_participant', 'activity_attendance'] as const;

  readonly auditSubjects = {
    activity_participant: (manager: EntityManager, ids: string[]): Promise<SubjectOwner[]> =>
      manager.query(
        'SELECT id AS "subjectId", account_id AS "accountId" FROM activity_participant WHERE id = ANY($1) AND account_id IS NOT NULL',
        [ids],
      ),
  };

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async exportOf(manager: EntityManager, accountId: string): Promise<ExportSection> {
    const [invitations, participants, attendance] = await oneAtATime([
      () =>
        manager.query<object[]>('SELECT * FROM activity_invitation WHERE account_id = $1 ORDER BY created_at', [
          accountId,
        ]),
      () =>
        manager.query<object[]>('SELECT * FROM activity_participant WHERE account_id = $1 ORDER BY created_at', [
          accountId,
        ]),
      () =>
        manager.query<object[]>(
          'SELECT * FROM activity_attendance WHERE participant_id IN (SELECT id FROM activity_participant WHERE account_id = $1) ORDER BY created_at',
          [accountId],
        ),
    ]);
    return { activity_invitation: invitations, activity_participant: participants, activity_attendance: attendance };
  }

  async erase(manager: EntityManager, accountId: string): Promise<void> {
    // A waiting-list entry holds no place; left standing it would one day be offered one.
    await manager.query(
      `UPDATE activity_participant SET status = 'cancelled', companions = 0, waitlisted_at = NULL, updated_at = now() WHERE account_id = $1 AND status = 'waitlisted'`,
      [accountId],
    );
  }
}
