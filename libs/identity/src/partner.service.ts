import { Injectable } from '@nestjs/common';
import { Actor, InjectMunicipalityScoped, MunicipalityScopedRepository, PartnerKeyVerifier } from '@app/platform';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Partner } from './partner.entity';
import { hashSecretToken } from './secret-token';

const KEY_PATTERN = /^mzp_([a-z0-9]{12})_([A-Za-z0-9_-]{43})$/;

/** Partners and their API keys: `mzp_<prefix>_<secret>`, the secret stored only as a hash. */
@Injectable()
export class PartnerService extends PartnerKeyVerifier {
  constructor(
    @InjectRepository(Partner) private readonly partners: Repository<Partner>,
    @InjectMunicipalityScoped(Partner) private readonly scopedPartners: MunicipalityScopedRepository<Partner>,
  ) {
    super();
  }

  async create(name: string): Promise<{ partner: Partner; apiKey: string }> {
    const prefix = randomBytes(9)
      .toString('base64url')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '0')
      .slice(0, 12);
    const secret = randomBytes(32).toString('base64url');
    const partner = await this.scopedPartners.save(
      this.scopedPartners.create({ name, keyPrefix: prefix, keyHash: hashSecretToken(secret), revokedAt: null }),
    );
    return { partner, apiKey: `mzp_${prefix}_${secret}` };
  }

  list(): Promise<Partner[]> {
    return this.scopedPartners.find({ order: { name: 'ASC' } });
  }

  async verify(apiKey: string): Promise<Actor | null> {
    const match = KEY_PATTERN.exec(apiKey);
    if (!match) return null;
    const [, prefix, secret] = match as unknown as [string, string, string];
    const partner = await this.partners.findOneBy({ keyPrefix: prefix, revokedAt: IsNull() });
    if (!partner) return null;
    const expected = Buffer.from(partner.keyHash, 'hex');
    const given = Buffer.from(hashSecretToken(secret), 'hex');
    if (!timingSafeEqual(expected, given)) return null;
    return { id: partner.id, role: 'partner', municipalityId: partner.municipalityId };
  }
}
