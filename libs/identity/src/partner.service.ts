import { Injectable } from '@nestjs/common';
import {
  Actor,
  InjectMunicipalityScoped,
  MunicipalityScopedRepository,
  NotFoundError,
  PartnerKeyScope,
  PartnerKeyVerifier,
  preparedQuery,
  RequestContext,
} from '@app/platform';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager, IsNull, Repository } from 'typeorm';
import { PartnerKey } from './partner-key.entity';
import { Partner } from './partner.entity';
import { hashSecretToken } from './secret-token';

const KEY_PATTERN = /^mzp_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
/** last_used_at is written at most this often per key. */
const LAST_USE_PRECISION_MS = 60_000;

/** Partners and their API keys: `mzp_<prefix>_<secret>`, the secret stored only as a hash. */
@Injectable()
export class PartnerService extends PartnerKeyVerifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(PartnerKey) private readonly keys: Repository<PartnerKey>,
    @InjectMunicipalityScoped(Partner) private readonly scopedPartners: MunicipalityScopedRepository<Partner>,
    private readonly context: RequestContext,
  ) {
    super();
  }

  /** A partner with its first key; the key is returned only here. A referrer names its kind of care. */
  async create(
    name: string,
    referrer: { source: string } | null = null,
  ): Promise<{ partner: Partner; apiKey: string }> {
    const municipalityId = this.context.municipalityId();
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(Partner);
      const partner = await repository.save(
        repository.create({
          municipalityId,
          name,
          revokedAt: null,
          kind: referrer ? 'referrer' : 'merchant',
          referrerSource: referrer?.source ?? null,
        }),
      );
      const { apiKey } = await this.newKey(manager, partner);
      return { partner, apiKey };
    });
  }

  list(): Promise<Partner[]> {
    return this.scopedPartners.find({ order: { name: 'ASC' } });
  }

  /** Another key for the partner, e.g. to rotate: the older ones keep working until revoked. */
  async addKey(partnerId: string, scope: Partial<PartnerKeyScope> = {}): Promise<{ key: PartnerKey; apiKey: string }> {
    const partner = await this.partner(partnerId);
    if (scope.campaignId) await this.assertCampaignOf(partner, scope.campaignId);
    return this.dataSource.transaction((manager) => this.newKey(manager, partner, scope));
  }

  async listKeys(partnerId: string): Promise<PartnerKey[]> {
    const partner = await this.partner(partnerId);
    return this.keys.find({ where: { partnerId: partner.id }, order: { createdAt: 'DESC' } });
  }

  /** The key is refused from the next request on; revoking it again changes nothing. */
  async revokeKey(partnerId: string, keyId: string): Promise<void> {
    const partner = await this.partner(partnerId);
    const key = await this.keys.findOneBy({ id: keyId, partnerId: partner.id });
    if (!key) throw new NotFoundError({ nl: 'De sleutel', en: 'The key' });
    await this.keys.update({ id: key.id, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async verify(apiKey: string): Promise<Actor | null> {
    return (await this.verifyKey(apiKey))?.actor ?? null;
  }

  /** The partner behind a key and the key's id, or null for an unknown, wrong or revoked key. */
  async verifyKey(apiKey: string): Promise<{ keyId: string; actor: Actor } | null> {
    const match = KEY_PATTERN.exec(apiKey);
    if (!match) return null;
    const [, prefix, secret] = match as unknown as [string, string, string];
    const key = await this.usableKey('prefix', prefix);
    if (!key) return null;
    const expected = Buffer.from(key.keyHash, 'hex');
    const given = Buffer.from(hashSecretToken(secret), 'hex');
    if (!timingSafeEqual(expected, given)) return null;
    if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USE_PRECISION_MS)
      await this.keys.update(key.id, { lastUsedAt: new Date() });
    return { keyId: key.id, actor: actorOf(key) };
  }

  /**
   * The partner of a key verified earlier (the portal's till keeps the key's id, never the key),
   * as long as neither the key nor the partner is revoked.
   */
  async actorOfKey(keyId: string): Promise<Actor | null> {
    const key = await this.usableKey('id', keyId);
    return key ? actorOf(key) : null;
  }

  /**
   * A key that is neither revoked nor of a revoked partner, by its prefix or its id. Every partner
   * request reads its key (a revocation counts from the next request on): plain SQL, typed rows.
   */
  private async usableKey(by: 'prefix' | 'id', value: string): Promise<UsableKey | null> {
    const [key] = await preparedQuery<UsableKey>(
      this.dataSource,
      `SELECT k.id, k.partner_id AS "partnerId", k.municipality_id AS "municipalityId", k.key_hash AS "keyHash",
              k.last_used_at AS "lastUsedAt", k.campaign_id AS "campaignId", k.voucher_kinds AS "voucherKinds",
              k.partner_kind AS "partnerKind"
         FROM partner_key k JOIN partner ON partner.id = k.partner_id AND partner.revoked_at IS NULL
        WHERE ${by === 'prefix' ? 'k.key_prefix' : 'k.id'} = $1 AND k.revoked_at IS NULL`,
      [value],
    );
    return key ?? null;
  }

  private async partner(partnerId: string): Promise<Partner> {
    const partner = await this.scopedPartners.findOne({ id: partnerId });
    if (!partner) throw new NotFoundError({ nl: 'De partner', en: 'The partner' });
    return partner;
  }

  /** A key limited to a campaign must name one of the partner's own municipality. */
  private async assertCampaignOf(partner: Partner, campaignId: string): Promise<void> {
    const found = await this.dataSource.query<unknown[]>(
      'SELECT 1 FROM appreciation_campaign WHERE id = $1 AND municipality_id = $2',
      [campaignId, partner.municipalityId],
    );
    if (found.length === 0) throw new NotFoundError({ nl: 'De campagne', en: 'The campaign' });
  }

  private async newKey(
    manager: EntityManager,
    partner: Partner,
    scope: Partial<PartnerKeyScope> = {},
  ): Promise<{ key: PartnerKey; apiKey: string }> {
    const prefix = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const repository = manager.getRepository(PartnerKey);
    const key = await repository.save(
      repository.create({
        partnerId: partner.id,
        municipalityId: partner.municipalityId,
        keyPrefix: prefix,
        keyHash: hashSecretToken(secret),
        lastUsedAt: null,
        revokedAt: null,
        campaignId: scope.campaignId ?? null,
        voucherKinds: scope.voucherKinds?.length ? [...new Set(scope.voucherKinds)] : null,
        partnerKind: partner.kind,
      }),
    );
    return { key, apiKey: `mzp_${prefix}_${secret}` };
  }
}

type UsableKey = Pick<
  PartnerKey,
  'id' | 'partnerId' | 'municipalityId' | 'keyHash' | 'lastUsedAt' | 'campaignId' | 'voucherKinds' | 'partnerKind'
>;

function actorOf(
  key: Pick<PartnerKey, 'partnerId' | 'municipalityId' | 'campaignId' | 'voucherKinds' | 'partnerKind'>,
): Actor {
  return {
    id: key.partnerId,
    role: 'partner',
    municipalityId: key.municipalityId,
    keyScope: { campaignId: key.campaignId, voucherKinds: key.voucherKinds, partnerKind: key.partnerKind },
  };
}
