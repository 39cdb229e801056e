import { Injectable } from '@nestjs/common';
import { Account, MunicipalityService, recipientOf, today } from '@app/identity';
import { MessageService } from '@app/messaging';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import { VOLUNTEER_MESSAGES } from './volunteer-message-kinds';

interface Expiring {
  volunteerId: string;
  accountId: string;
  name: string;
  what: 'vog' | 'training';
  /** The VOG issue date or the training id: a new VOG or training gets a reminder of its own. */
  version: string;
  on: string;
}

/**
 * Daily, per municipality: volunteers whose VOG reaches the maximum age, or whose training
 * lapses, within the notice period are reminded, and staff get one list. Dedupe keys make a
 * second run on the same day (or a retried job) send nothing twice.
 */
@Injectable()
export class VolunteerExpiry {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly municipalities: MunicipalityService,
    private readonly messages: MessageService,
  ) {}

  async remindExpiring(): Promise<{ volunteers: number; staff: number }> {
    let volunteers = 0;
    let staff = 0;
    for (const municipality of await this.municipalities.all()) {
      const { vogMaximumAgeMonths, volunteerExpiryNoticeDays } = municipality.settings;
      const day = today(municipality.timezone);
      const expiring = await this.dataSource.query<Expiring[]>(
        `SELECT v.id AS "volunteerId", v.account_id AS "accountId", v.first_name || ' ' || v.last_name AS name, 'vog' AS what,
                v.vog_issued_on::text AS version, (v.vog_issued_on + make_interval(months => $2))::date::text AS on
           FROM volunteer v
          WHERE v.municipality_id = $1 AND v.status = 'active'
            AND (v.vog_issued_on + make_interval(months => $2))::date BETWEEN $3::date AND $3::date + $4::int
         UNION ALL
         SELECT v.id, v.account_id, v.first_name || ' ' || v.last_name, 'training', t.id::text, t.valid_until::text
           FROM volunteer_training t JOIN volunteer v ON v.id = t.volunteer_id
          WHERE v.municipality_id = $1 AND v.status = 'active' AND t.valid_until BETWEEN $3::date AND $3::date + $4::int
          ORDER BY 6, 3`,
        [municipality.id, vogMaximumAgeMonths, day, volunteerExpiryNoticeDays],
      );
      if (expiring.length === 0) continue;
      await this.dataSource.transaction(async (manager) => {
        const accounts = new Map(
          (await manager.getRepository(Account).findBy({ id: In(expiring.map((item) => item.accountId)) })).map(
            (account) => [account.id, account],
          ),
        );
        for (const item of expiring) {
          const account = accounts.get(item.accountId);
          if (!account) continue;
          const queued = await this.messages.queue(manager, {
            recipient: recipientOf(account),
            kind: item.what === 'vog' ? VOLUNTEER_MESSAGES.vogExpiring : VOLUNTEER_MESSAGES.trainingLapsing,
            params: { on: item.on },
            dedupeKey: `${item.what}-expiring.${item.volunteerId}.${item.version}`,
          });
          if (queued) volunteers++;
        }
        const team = await manager
          .getRepository(Account)
          .findBy({ municipalityId: municipality.id, role: In(['staff', 'admin']), disabledAt: IsNull() });
        for (const member of team) {
          const queued = await this.messages.queue(manager, {
            recipient: recipientOf(member),
            kind: VOLUNTEER_MESSAGES.expiryDigest,
            params: { items: expiring.map((item) => ({ name: item.name, what: item.what, on: item.on })) },
            dedupeKey: `volunteer-expiry-digest.${day}.${member.id}`,
          });
          if (queued) staff++;
        }
      });
    }
    return { volunteers, staff };
  }
}
