import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarersModule } from '@app/carers';
import { PrivacyModule } from '@app/privacy';
import { CarerQuestion, QuestionAnswer } from './carer-question.entity';
import { IntakeMessageKinds } from './intake-message-kinds';
import { IntakeMonitorFigures } from './intake-monitor-figures';
import { IntakePersonalData } from './intake-personal-data';
import { QuestionService } from './question.service';
import { Referral } from './referral.entity';
import { ReferralService } from './referral.service';
import { SocialMapEntry } from './social-map-entry.entity';
import { SocialMapService } from './social-map.service';
import { MailRequestThrottle } from '@app/identity';
import { FeedbackRequest } from './feedback-request.entity';
import { FeedbackService } from './feedback.service';
import { FeedbackMessageKind } from './feedback-message-kind';

/** Questions, referrals, the social map and feedback: services for api, worker and cli. */
@Module({
  imports: [
    CarersModule,
    PrivacyModule,
    TypeOrmModule.forFeature([CarerQuestion, QuestionAnswer, Referral, SocialMapEntry, FeedbackRequest]),
  ],
  providers: [
    QuestionService,
    ReferralService,
    SocialMapService,
    IntakeMessageKinds,
    IntakePersonalData,
    IntakeMonitorFigures,
    MailRequestThrottle,
    FeedbackService,
    FeedbackMessageKind,
  ],
  exports: [QuestionService, ReferralService, SocialMapService, IntakeMonitorFigures, FeedbackService],
})
export class IntakeModule {}
