import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A course session someone attended, as a training to record. */
export interface CourseTrainingAttended {
  municipalityId: string;
  accountId: string;
  activityId: string;
  kind: string;
  completedOn: string;
  validUntil: string | null;
  recordedBy: string;
}

/** Records trainings for the people it knows (volunteers, staff); others are left alone. */
export interface CourseTrainingRecorder {
  record(manager: EntityManager, attended: CourseTrainingAttended[]): Promise<void>;
}

/**
 * Where attending a course becomes a training record: the contexts that keep trainings register
 * a recorder; activities only says who attended which course.
 */
@Injectable()
export class CourseTrainings {
  private readonly recorders: CourseTrainingRecorder[] = [];

  register(recorder: CourseTrainingRecorder): void {
    if (!this.recorders.includes(recorder)) this.recorders.push(recorder);
  }

  async record(manager: EntityManager, attended: CourseTrainingAttended[]): Promise<void> {
    if (attended.length === 0) return;
    for (const recorder of this.recorders) await recorder.record(manager, attended);
  }
}
