import { Injectable, OnModuleInit } from '@nestjs/common';
import { ExportSection, PersonalDataRegistry, PersonalDataSource } from '@app/privacy';
import { EntityManager } from 'typeorm';

/** A person's portal sessions: when each began and ends (never the session's contents); erasure ends them. */
@Injectable()
export class PortalPersonalData implements PersonalDataSource, OnModuleInit {
  readonly tables = ['portal_session'] as const;

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async exportOf(manager: EntityManager, accountId: string): Promise<ExportSection> {
    const sessions = await manager.query<object[]>(
      'SELECT created_at, expires_at FROM portal_session WHERE account_id = $1 ORDER BY created_at',
      [accountId],
    );
    return { portal_session: sessions };
  }

  async erase(manager: EntityManager, accountId: string): Promise<void> {
    await manager.query('DELETE FROM portal_session WHERE account_id = $1', [accountId]);
  }
}
