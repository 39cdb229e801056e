import { Actor } from '../context/actor';

/** Implemented by identity: turns an X-Api-Key into the partner it belongs to. */
export abstract class PartnerKeyVerifier {
  abstract verify(apiKey: string): Promise<Actor | null>;
}
