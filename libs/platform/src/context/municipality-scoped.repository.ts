import { Inject, Provider, Type } from '@nestjs/common';
import { getRepositoryToken } from '@nestjs/typeorm';
import {
  EntityManager,
  FindManyOptions,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { RequestContext } from './request-context';

export interface MunicipalityOwned extends ObjectLiteral {
  municipalityId: string;
}

/**
 * Data access for records that belong to a municipality. Every read and write is
 * bound to the acting person's municipality here, so no handler can forget it;
 * a record of another municipality simply is not found.
 */
export class MunicipalityScopedRepository<T extends MunicipalityOwned> {
  constructor(
    private readonly repository: Repository<T>,
    private readonly context: RequestContext,
  ) {}

  private scope(where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    return { ...where, municipalityId: this.context.municipalityId() };
  }

  findOne(where: FindOptionsWhere<T>, manager?: EntityManager): Promise<T | null> {
    return this.on(manager).findOne({ where: this.scope(where) });
  }

  find(
    options: Omit<FindManyOptions<T>, 'where'> & { where?: FindOptionsWhere<T> } = {},
    manager?: EntityManager,
  ): Promise<T[]> {
    return this.on(manager).find({ ...options, where: this.scope(options.where) });
  }

  count(where: FindOptionsWhere<T> = {}): Promise<number> {
    return this.repository.count({ where: this.scope(where) });
  }

  query(alias: string, manager?: EntityManager): SelectQueryBuilder<T> {
    return this.on(manager)
      .createQueryBuilder(alias)
      .where(`${alias}.municipalityId = :scopeMunicipalityId`, { scopeMunicipalityId: this.context.municipalityId() });
  }

  /** Updates the matching records of the acting municipality; returns how many changed. */
  async update(
    where: FindOptionsWhere<T>,
    changes: QueryDeepPartialEntity<T>,
    manager?: EntityManager,
  ): Promise<number> {
    const result = await this.on(manager).update(this.scope(where), changes);
    return result.affected ?? 0;
  }

  /** A new record of the acting municipality (not yet saved). */
  create(data: Omit<Partial<T>, 'municipalityId'>): T {
    return this.repository.create({ ...data, municipalityId: this.context.municipalityId() } as unknown as T);
  }

  async save(entity: T, manager?: EntityManager): Promise<T> {
    if (entity.municipalityId !== this.context.municipalityId()) {
      throw new Error('Refusing to save a record of another municipality');
    }
    return this.on(manager).save(entity);
  }

  private on(manager?: EntityManager): Repository<T> {
    return manager ? manager.getRepository<T>(this.repository.target) : this.repository;
  }
}

function scopedToken(entity: Type<unknown>): string {
  return `MunicipalityScoped:${entity.name}`;
}

export function provideMunicipalityScoped(entity: Type<MunicipalityOwned>): Provider {
  return {
    provide: scopedToken(entity),
    inject: [getRepositoryToken(entity), RequestContext],
    useFactory: (repository: Repository<MunicipalityOwned>, context: RequestContext) =>
      new MunicipalityScopedRepository(repository, context),
  };
}

export const InjectMunicipalityScoped = (entity: Type<MunicipalityOwned>) => Inject(scopedToken(entity));
