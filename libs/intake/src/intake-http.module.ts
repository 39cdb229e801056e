import { Module } from '@nestjs/common';
import { IntakeModule } from './intake.module';
import { FeedbackController } from './feedback.controller';
import { FeedbackPage } from './feedback.page';
import { QuestionController } from './question.controller';
import { ReferralConsentPage } from './referral-consent.page';
import { ReferralController } from './referral.controller';
import { SocialMapController } from './social-map.controller';

/** Intake routes (api only). */
@Module({
  imports: [IntakeModule],
  controllers: [QuestionController, ReferralController, SocialMapController, FeedbackController],
  providers: [ReferralConsentPage, FeedbackPage],
})
export class IntakeHttpModule {}
