import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActivitiesHttpModule } from '@app/activities';
import { AppreciationHttpModule } from '@app/appreciation';
import { CarersHttpModule } from '@app/carers';
import { RespiteHttpModule } from '@app/respite';
import { VolunteersHttpModule } from '@app/volunteers';
import { IdentityHttpModule } from '@app/identity';
import { IntakeHttpModule } from '@app/intake';
import { PortalModule } from '@app/portal';
import { PrivacyHttpModule } from '@app/privacy';
import { ReportsHttpModule } from '@app/reports';
import { MessagingHttpModule, MessagingModule, QueueModule } from '@app/messaging';
import { AuthGuard, PlatformHttpModule, PlatformModule } from '@app/platform';

@Module({
  imports: [
    PlatformModule,
    PlatformHttpModule,
    MessagingModule,
    QueueModule,
    MessagingHttpModule,
    IdentityHttpModule,
    CarersHttpModule,
    RespiteHttpModule,
    VolunteersHttpModule,
    AppreciationHttpModule,
    ActivitiesHttpModule,
    IntakeHttpModule,
    PrivacyHttpModule,
    ReportsHttpModule,
    PortalModule,
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class ApiModule {}
