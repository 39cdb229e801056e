import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from './audit-entry.entity';
import { AuditLog } from './audit-log';
import { CorePersonalData } from './core-personal-data';
import { FieldKeyRotation } from './field-key-rotation';
import { PersonalDataRegistry } from './personal-data';
import { PersonalDataAccess } from './personal-data-access';

/** The audit log and the registry every context adds its personal data to. Global: contexts register into one registry. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  providers: [PersonalDataRegistry, AuditLog, CorePersonalData, PersonalDataAccess, FieldKeyRotation],
  exports: [PersonalDataRegistry, AuditLog, PersonalDataAccess, FieldKeyRotation],
})
export class PrivacyModule {}
