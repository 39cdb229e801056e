export * from './activities.module';
export * from './activities-http.module';
export * from './activities-jobs.module';
export * from './activity.entity';
export * from './participant.entity';
export * from './activity-message-kinds';
export { ParticipationService } from './participation.service';
export { SessionReminders } from './session-reminders';
export { ActivityService } from './activity.service';
