import { ActivityMonitorFigures } from './activity-monitor-figures';
import { ActivityPersonalData } from './activity-personal-data';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarersModule } from '@app/carers';
import { provideMunicipalityScoped } from '@app/platform';
import { ActivityFiguresService } from './activity-figures';
import { ActivityMessageKinds } from './activity-message-kinds';
import { ActivityMessages } from './activity-messages';
import { Activity, ActivitySession } from './activity.entity';
import { ActivityService } from './activity.service';
import { AttendanceService } from './attendance.service';
import { CourseTrainings } from './course-trainings';
import { InvitationService } from './invitation.service';
import { ActivityAttendance, ActivityInvitation, ActivityParticipant, ResidentRequest } from './participant.entity';
import { ParticipationService } from './participation.service';
import { ResidentMessageKinds } from './resident-message-kinds';
import { ResidentSignups } from './resident-signups';
import { SessionReminders } from './session-reminders';

/** Activities, sessions, invitations, answers and attendance: services for api and worker. */
@Module({
  imports: [
    CarersModule,
    TypeOrmModule.forFeature([
      Activity,
      ActivitySession,
      ActivityInvitation,
      ActivityParticipant,
      ActivityAttendance,
      ResidentRequest,
    ]),
  ],
  providers: [
    ActivityMonitorFigures,
    ActivityPersonalData,
    provideMunicipalityScoped(Activity),
    provideMunicipalityScoped(ActivitySession),
    ActivityService,
    ActivityMessages,
    ActivityMessageKinds,
    InvitationService,
    ParticipationService,
    AttendanceService,
    ActivityFiguresService,
    SessionReminders,
    CourseTrainings,
    ResidentSignups,
    ResidentMessageKinds,
  ],
  exports: [
    ActivityMonitorFigures,
    ActivityService,
    InvitationService,
    ParticipationService,
    AttendanceService,
    ActivityFiguresService,
    SessionReminders,
    CourseTrainings,
    ResidentSignups,
  ],
})
export class ActivitiesModule {}
