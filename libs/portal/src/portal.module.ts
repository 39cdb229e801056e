import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesHttpModule, ActivitiesModule } from '@app/activities';
import { AppreciationModule } from '@app/appreciation';
import { CarersModule } from '@app/carers';
import { IdentityHttpModule } from '@app/identity';
import { MessagingHttpModule } from '@app/messaging';
import { ErasureModule, PrivacyModule } from '@app/privacy';
import { ReportsHttpModule } from '@app/reports';
import { RespiteModule } from '@app/respite';
import { VolunteersModule } from '@app/volunteers';
import { IntakeModule } from '@app/intake';
import { AccountPages } from './pages/account-pages';
import { ActivityPages } from './pages/activity-pages';
import { AppreciationPages } from './pages/appreciation-pages';
import { AuditPages } from './pages/audit-pages';
import { CampaignPages } from './pages/campaign-pages';
import { EventPages } from './pages/event-pages';
import { CaseloadPages } from './pages/caseload-pages';
import { CarePages } from './pages/care-pages';
import { CarerPages } from './pages/carer-pages';
import { MonitorPages } from './pages/monitor-pages';
import { MyDataPages } from './pages/my-data-pages';
import { OfferPages } from './pages/offer-pages';
import { PartnerPages } from './pages/partner-pages';
import { PostPages } from './pages/post-pages';
import { OverviewPage } from './pages/overview-page';
import { RespitePages } from './pages/respite-pages';
import { SelfTestPages } from './pages/self-test-pages';
import { SettingsPages } from './pages/settings-pages';
import { StaffPages } from './pages/staff-pages';
import { TillPages } from './pages/till-pages';
import { VolunteerPages } from './pages/volunteer-pages';
import { VolunteeringPages } from './pages/volunteering-pages';
import { QuestionPages } from './pages/question-pages';
import { ReferralPages } from './pages/referral-pages';
import { SocialMapPages } from './pages/social-map-pages';
import { CoursePages } from './pages/course-pages';
import { OwnAccountPages } from './pages/own-account-pages';
import { FeedbackPages } from './pages/feedback-pages';
import { PortalAudit } from './portal-audit';
import { PortalPersonalData } from './portal-personal-data';
import { PortalServer } from './portal-server';
import { PortalRoutes } from './portal-routes';
import { PortalSession } from './portal-session.entity';

/** The web portal at the site's root: pages that call the contexts' services directly. */
@Module({
  imports: [
    TypeOrmModule.forFeature([PortalSession]),
    IdentityHttpModule,
    MessagingHttpModule,
    CarersModule,
    RespiteModule,
    AppreciationModule,
    ActivitiesModule,
    ActivitiesHttpModule,
    PrivacyModule,
    ErasureModule,
    ReportsHttpModule,
    VolunteersModule,
    IntakeModule,
  ],
  providers: [
    PortalRoutes,
    PortalServer,
    AccountPages,
    OverviewPage,
    RespitePages,
    CarePages,
    AppreciationPages,
    MyDataPages,
    ActivityPages,
    SelfTestPages,
    PortalAudit,
    PortalPersonalData,
    CaseloadPages,
    StaffPages,
    CarerPages,
    PostPages,
    TillPages,
    AuditPages,
    OfferPages,
    SettingsPages,
    PartnerPages,
    MonitorPages,
    CampaignPages,
    EventPages,
    VolunteerPages,
    VolunteeringPages,
    QuestionPages,
    ReferralPages,
    SocialMapPages,
    CoursePages,
    OwnAccountPages,
    FeedbackPages,
  ],
})
export class PortalModule {}
