import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivitiesModule } from '@app/activities';
import { AppreciationApplication, AppreciationCampaign, Voucher, VoucherRedemption } from '@app/appreciation';
import { CarersModule } from '@app/carers';
import { RespiteModule } from '@app/respite';
import { VolunteersModule } from '@app/volunteers';
import { IdentityModule } from '@app/identity';
import { MessagingModule } from '@app/messaging';
import { PrivacyModule } from '@app/privacy';
import { ConfigModule, DatabaseModule, IdempotencyRecord, RequestContextModule } from '@app/platform';
import { DbGenerateMigrationCommand } from './db-generate-migration.command';
import { DbMigrateCommand } from './db-migrate.command';
import { FieldsReencryptCommand } from './fields-reencrypt.command';
import { MunicipalityCreateCommand } from './municipality-create.command';
import { SeedDemoCommand } from './seed-demo.command';
import { UserCreateCommand } from './user-create.command';

/** The command line: every context's module, so migrations see all entities. No Redis, no HTTP. */
@Module({
  imports: [
    ConfigModule,
    RequestContextModule,
    DatabaseModule,
    MessagingModule,
    PrivacyModule,
    IdentityModule,
    CarersModule,
    RespiteModule,
    VolunteersModule,
    ActivitiesModule,
    TypeOrmModule.forFeature([
      IdempotencyRecord,
      AppreciationCampaign,
      AppreciationApplication,
      Voucher,
      VoucherRedemption,
    ]),
  ],
  providers: [
    DbMigrateCommand,
    DbGenerateMigrationCommand,
    MunicipalityCreateCommand,
    UserCreateCommand,
    SeedDemoCommand,
    FieldsReencryptCommand,
  ],
})
export class CliModule {}
