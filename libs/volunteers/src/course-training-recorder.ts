import { Injectable, OnModuleInit } from '@nestjs/common';
import { CourseTrainingAttended, CourseTrainingRecorder, CourseTrainings } from '@app/activities';
import { EntityManager } from 'typeorm';

/**
 * Attending a course that gives a training records it: for a volunteer as their training (so the
 * volunteer overview counts it), for staff as a staff training. Once per person, kind and day.
 */
@Injectable()
export class CourseTrainingRecorderOfPeople implements CourseTrainingRecorder, OnModuleInit {
  constructor(private readonly trainings: CourseTrainings) {}

  onModuleInit(): void {
    this.trainings.register(this);
  }

  async record(manager: EntityManager, attended: CourseTrainingAttended[]): Promise<void> {
    for (const entry of attended) {
      const params = [
        entry.municipalityId,
        entry.accountId,
        entry.kind,
        entry.completedOn,
        entry.validUntil,
        entry.recordedBy,
        entry.activityId,
      ];
      await manager.query(
        `INSERT INTO volunteer_training (municipality_id, volunteer_id, kind, completed_on, valid_until, recorded_by)
         SELECT $1, v.id, $3, $4::date, $5::date, $6 FROM volunteer v
          WHERE v.account_id = $2 AND v.municipality_id = $1 AND $7::uuid IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM volunteer_training t WHERE t.volunteer_id = v.id AND t.kind = $3 AND t.completed_on = $4::date)`,
        params,
      );
      await manager.query(
        `INSERT INTO staff_training (municipality_id, account_id, kind, completed_on, valid_until, recorded_by, activity_id)
         SELECT $1, a.id, $3, $4::date, $5::date, $6, $7 FROM account a
          WHERE a.id = $2 AND a.municipality_id = $1 AND a.role IN ('staff', 'admin')
            AND NOT EXISTS (SELECT 1 FROM staff_training t WHERE t.account_id = a.id AND t.kind = $3 AND t.completed_on = $4::date)`,
        params,
      );
    }
  }
}
