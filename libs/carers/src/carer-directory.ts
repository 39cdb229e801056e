import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface CarerProfile {
  carerId: string;
  accountId: string;
  firstName: string;
  lastName: string;
  wijkId: string | null;
}

/** Name and wijk of carers by account, for other contexts (participant lists, figures by wijk). */
@Injectable()
export class CarerDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Through the caller's transaction when given, so a fan-out page reads on its own connection. */
  async profiles(
    municipalityId: string,
    accountIds: string[],
    manager?: EntityManager,
  ): Promise<Map<string, CarerProfile>> {
    if (accountIds.length === 0) return new Map();
    // Plain SQL: a fan-out page asks for thousands at once.
    const carers = await (manager ?? this.dataSource.manager).query<CarerProfile[]>(
      `SELECT id AS "carerId", account_id AS "accountId", first_name AS "firstName", last_name AS "lastName",
              wijk_id AS "wijkId"
         FROM carer WHERE municipality_id = $1 AND account_id = ANY($2::uuid[])`,
      [municipalityId, accountIds],
    );
    return new Map(carers.map((carer) => [carer.accountId, carer]));
  }
}
