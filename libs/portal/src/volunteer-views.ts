import { VolunteerAbsence, VolunteerTraining } from '@app/volunteers';

/** A volunteer's time away and trainings as their page and staff's page show them. */
export function absenceAndTrainingViews(absences: VolunteerAbsence[], trainings: VolunteerTraining[]) {
  return {
    absences: absences.map((absence) => ({ from: absence.fromDate, to: absence.toDate })),
    trainings: trainings.map((training) => ({
      kind: training.kind,
      completedOn: training.completedOn,
      validUntil: training.validUntil,
    })),
  };
}
