import { AppreciationMonitorFigures } from './appreciation-monitor-figures';
import { AppreciationPersonalData } from './appreciation-personal-data';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CarersModule } from '@app/carers';
import { provideMunicipalityScoped } from '@app/platform';
import { AppreciationApplication } from './application.entity';
import { ApplicationService } from './application.service';
import { VolunteerApplicationService } from './volunteer-application.service';
import { AppreciationMessageKinds } from './appreciation-message-kinds';
import { AppreciationCampaign } from './campaign.entity';
import { CampaignFiguresService } from './campaign-figures';
import { CampaignMailings } from './campaign-mailings';
import { CampaignService } from './campaign.service';
import { CodeGuessThrottle } from './code-guess-throttle';
import { Voucher, VoucherRedemption } from './voucher.entity';
import { VoucherIssuer } from './voucher-issuer';
import { SharedAward } from './shared-award';
import { VoucherRepository } from './voucher.repository';
import { CampaignRepository } from './campaign.repository';
import { VoucherService } from './voucher.service';

/** Campaigns, applications, vouchers and redemptions: services for api, worker and cli. */
@Module({
  imports: [
    CarersModule,
    TypeOrmModule.forFeature([AppreciationCampaign, AppreciationApplication, Voucher, VoucherRedemption]),
  ],
  providers: [
    AppreciationMonitorFigures,
    AppreciationPersonalData,
    provideMunicipalityScoped(AppreciationCampaign),
    provideMunicipalityScoped(AppreciationApplication),
    CampaignService,
    ApplicationService,
    VolunteerApplicationService,
    VoucherIssuer,
    SharedAward,
    VoucherRepository,
    CampaignRepository,
    VoucherService,
    CodeGuessThrottle,
    AppreciationMessageKinds,
    CampaignMailings,
    CampaignFiguresService,
  ],
  exports: [
    AppreciationMonitorFigures,
    CampaignService,
    ApplicationService,
    VolunteerApplicationService,
    VoucherService,
    CampaignMailings,
    CampaignFiguresService,
  ],
})
export class AppreciationModule {}
