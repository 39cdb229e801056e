import { Module } from '@nestjs/common';
import { IntakeModule } from './intake.module';
import { QuestionController } from './question.controller';
import { ReferralConsentPage } from './referral-consent.page';
import { ReferralController } from './referral.controller';
import { SocialMapController } from './social-map.controller';

/** Intake routes (api only). */
@Module({
  imports: [IntakeModule],
  controllers: [QuestionController, ReferralController, SocialMapController],
  providers: [ReferralConsentPage],
})
export class IntakeHttpModule {}
