import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Carer } from './carer.entity';

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
    const carers = await (manager ?? this.dataSource.manager).getRepository(Carer).find({
      where: { municipalityId, accountId: In(accountIds) },
      select: { id: true, accountId: true, firstName: true, lastName: true, wijkId: true },
    });
    return new Map(
      carers.map((carer) => [
        carer.accountId,
        {
          carerId: carer.id,
          accountId: carer.accountId,
          firstName: carer.firstName,
          lastName: carer.lastName,
          wijkId: carer.wijkId,
        },
      ]),
    );
  }
}
