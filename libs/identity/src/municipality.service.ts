import { Injectable } from '@nestjs/common';
import {
  allColumns,
  entitiesFromRows,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
  preparedQuery,
  RequestContext,
} from '@app/platform';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError, Repository } from 'typeorm';
import { MunicipalityNotFoundError, WijkNameTakenError, WijkPostcodeOverlapError } from './identity-errors';
import { Municipality } from './municipality.entity';
import { defaultMunicipalitySettings, MunicipalitySettings } from './municipality-settings';
import { PostcodeRange, Wijk, WijkNeighbour, WijkPostcodeRange } from './wijk.entity';

export interface WijkWithRanges {
  wijk: Wijk;
  ranges: PostcodeRange[];
  neighbourIds: string[];
}

/** Municipalities, their settings and their wijken. */
@Injectable()
export class MunicipalityService {
  constructor(
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectMunicipalityScoped(Wijk) private readonly wijken: MunicipalityScopedRepository<Wijk>,
    @InjectMunicipalityScoped(WijkPostcodeRange)
    private readonly ranges: MunicipalityScopedRepository<WijkPostcodeRange>,
    @InjectMunicipalityScoped(WijkNeighbour) private readonly neighbours: MunicipalityScopedRepository<WijkNeighbour>,
    private readonly dataSource: DataSource,
    private readonly context: RequestContext,
  ) {}

  /** Idempotent on the code: returns the existing municipality when there is one. */
  async createOrFind(input: {
    code: string;
    name: string;
    timezone?: string;
  }): Promise<{ municipality: Municipality; created: boolean }> {
    const inserted = await this.municipalities
      .createQueryBuilder()
      .insert()
      .values({
        code: input.code,
        name: input.name,
        timezone: input.timezone ?? 'Europe/Amsterdam',
        settings: defaultMunicipalitySettings(input.name),
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    const municipality = await this.municipalities.findOneByOrFail({ code: input.code });
    return { municipality, created: (inserted.raw as unknown[]).length > 0 };
  }

  /** Every municipality, for jobs that run per municipality. */
  all(): Promise<Municipality[]> {
    return this.municipalities.find({ order: { code: 'ASC' } });
  }

  /** Pass the manager when inside a transaction, so the read shares its connection. */
  byId(id: string, manager?: EntityManager): Promise<Municipality> {
    return (manager?.getRepository(Municipality) ?? this.municipalities).findOneByOrFail({ id });
  }

  async findByCode(code: string): Promise<Municipality> {
    const municipality = await this.municipalities.findOneBy({ code });
    if (!municipality) throw new MunicipalityNotFoundError(code);
    return municipality;
  }

  /** The acting person's municipality: a prepared statement, since most requests read it. */
  async current(): Promise<Municipality> {
    const id = this.context.municipalityId();
    const rows = await preparedQuery<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${allColumns(this.dataSource.manager, Municipality)} FROM municipality WHERE id = $1`,
      [id],
    );
    const [municipality] = entitiesFromRows(this.dataSource.manager, Municipality, rows);
    if (!municipality) throw new Error(`Municipality ${id} of the acting person is missing`);
    return municipality;
  }

  async updateSettings(changes: Partial<MunicipalitySettings>): Promise<Municipality> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Municipality);
      const municipality = await repository.findOneOrFail({
        where: { id: this.context.municipalityId() },
        lock: { mode: 'pessimistic_write' },
      });
      municipality.settings = { ...municipality.settings, ...changes };
      return repository.save(municipality);
    });
  }

  async createWijk(name: string, postcodeRanges: PostcodeRange[]): Promise<WijkWithRanges> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const wijk = await this.wijken.save(this.wijken.create({ name }), manager);
        for (const range of postcodeRanges) {
          await this.ranges.save(
            this.ranges.create({ wijkId: wijk.id, fromPc4: range.from, toPc4: range.to }),
            manager,
          );
        }
        return { wijk, ranges: postcodeRanges, neighbourIds: [] };
      });
    } catch (error) {
      const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
      if (code === '23P01') throw new WijkPostcodeOverlapError();
      if (code === '23505') throw new WijkNameTakenError();
      throw error;
    }
  }

  /** A wijk of the acting municipality, or null. */
  wijk(id: string): Promise<Wijk | null> {
    return this.wijken.findOne({ id });
  }

  /** Any municipality's wijken by name, for pages anyone may open (the social map). */
  wijkenOf(municipalityId: string): Promise<Wijk[]> {
    return this.dataSource.getRepository(Wijk).find({ where: { municipalityId }, order: { name: 'ASC' } });
  }

  async listWijken(): Promise<WijkWithRanges[]> {
    const [wijken, ranges, neighbours] = await Promise.all([
      this.wijken.find({ order: { name: 'ASC' } }),
      this.ranges.find({ order: { fromPc4: 'ASC' } }),
      this.neighbours.find(),
    ]);
    return wijken.map((wijk) => ({
      wijk,
      ranges: ranges
        .filter((range) => range.wijkId === wijk.id)
        .map((range) => ({ from: range.fromPc4, to: range.toPc4 })),
      neighbourIds: neighbours.filter((pair) => pair.wijkId === wijk.id).map((pair) => pair.neighbourId),
    }));
  }

  /**
   * Sets the wijken bordering `wijkId`, replacing its earlier list. Bordering is mutual: each
   * pair is stored both ways, and a wijk dropped here no longer lists `wijkId` either.
   */
  async setNeighbours(wijkId: string, neighbourIds: string[]): Promise<WijkWithRanges> {
    const wanted = [...new Set(neighbourIds)].filter((id) => id !== wijkId);
    await this.dataSource.transaction(async (manager) => {
      // Locks the wijk so two admins editing its neighbours apply one after the other.
      const own = await this.wijken
        .query('wijk', manager)
        .andWhere('wijk.id = :wijkId', { wijkId })
        .setLock('pessimistic_write')
        .getOne();
      if (!own) throw new NotFoundError({ nl: 'De wijk', en: 'The wijk' });
      const known = await this.wijken.query('wijk', manager).andWhere('wijk.id = ANY(:wanted)', { wanted }).getMany();
      const unknown = wanted.find((id) => !known.some((wijk) => wijk.id === id));
      if (unknown) throw new NotFoundError({ nl: `Wijk ${unknown}`, en: `Wijk ${unknown}` });
      await manager
        .createQueryBuilder()
        .delete()
        .from(WijkNeighbour)
        .where('municipality_id = :municipalityId AND (wijk_id = :wijkId OR neighbour_id = :wijkId)', {
          municipalityId: own.municipalityId,
          wijkId,
        })
        .execute();
      for (const neighbourId of wanted) {
        await this.neighbours.save(this.neighbours.create({ wijkId, neighbourId }), manager);
        await this.neighbours.save(this.neighbours.create({ wijkId: neighbourId, neighbourId: wijkId }), manager);
      }
    });
    return (await this.listWijken()).find((entry) => entry.wijk.id === wijkId)!;
  }

  /** The wijk a Dutch postcode (e.g. "1121 AB") lies in, by its four digits; null outside every range. */
  async wijkForPostcode(municipalityId: string, postcode: string): Promise<Wijk | null> {
    const pc4 = Number.parseInt(postcode.replace(/\s/g, '').slice(0, 4), 10);
    if (!Number.isInteger(pc4)) return null;
    return this.dataSource
      .getRepository(Wijk)
      .createQueryBuilder('wijk')
      .innerJoin(WijkPostcodeRange, 'range', 'range.wijkId = wijk.id')
      .where('wijk.municipalityId = :municipalityId', { municipalityId })
      .andWhere(':pc4 BETWEEN range.fromPc4 AND range.toPc4', { pc4 })
      .getOne();
  }
}
