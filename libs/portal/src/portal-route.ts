import { Actor } from '@app/platform';
import { FieldErrors } from './form';
import { PortalLanguage, PortalTexts } from './texts';

/**
 * Who may open a page: anyone, only people not signed in, signed-in carers, volunteers, either
 * of them (their own data), anyone signed in (their own account), respite providers, staff or
 * providers (an offer's pages; the services keep providers to their own offers), staff of the
 * steunpunt (admins included), or the municipality's admins.
 */
export type PortalAccess =
  | 'public'
  | 'guest'
  | 'carer'
  | 'volunteer'
  | 'person'
  | 'member'
  | 'provider'
  | 'staff-or-provider'
  | 'staff'
  | 'admin';

/** What a page handler knows of the request. */
export interface PortalCall {
  lang: PortalLanguage;
  t: PortalTexts;
  form: Record<string, string>;
  query: Record<string, string>;
  params: Record<string, string>;
  ip: string;
  /** Set for pages of signed-in people. */
  actor: Actor | null;
  signIn(account: { id: string; language?: string | null }): Promise<void>;
  signOut(): Promise<void>;
  /** What the till keeps in the session between requests. */
  memory: {
    get(key: TillMemory): string | undefined;
    set(key: TillMemory, value: string | undefined): void;
  };
}

export type TillMemory = 'partnerKeyId' | 'tillReceipt' | 'tillAnswer';

export interface PageView {
  view: string;
  title: string;
  data?: Record<string, unknown>;
  status?: number;
  /** False for pages without a form (then an anonymous visit stores no session). */
  forms?: boolean;
  /** Field errors, shown in a summary at the top and next to each field. */
  errors?: FieldErrors;
}

export interface PageRedirect {
  redirect: string;
  /** A short message shown once on the next page. */
  notice?: string;
}

export interface PageDownload {
  download: { filename: string; contentType: string; body: string };
}

/** A page drawn elsewhere (printable letters), sent as it is. */
export interface PageRaw {
  raw: { contentType: string; body: string };
}

export type PortalResult = PageView | PageRedirect | PageDownload | PageRaw;

export interface PortalRoute {
  method: 'GET' | 'POST';
  path: string;
  access: PortalAccess;
  handle(call: PortalCall): Promise<PortalResult>;
}

/** Where a person lands after signing in: carers on their overview, volunteers on their work, staff on the caseload. */
export function startPageOf(role: string): string {
  if (role === 'carer') return '/overview';
  if (role === 'volunteer') return '/volunteering';
  if (role === 'provider') return '/provider';
  return '/caseload';
}

/** The page for a record that does not exist here (or belongs to another municipality). */
export function notFoundPage(call: PortalCall): PageView {
  return {
    view: 'pages/message.eta',
    title: call.t.notFoundTitle,
    status: 404,
    data: { heading: call.t.notFoundTitle, text: call.t.notFoundText },
  };
}
