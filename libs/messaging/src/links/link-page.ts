import { Language } from '../templates/language';

export interface LinkPageField {
  name: string;
  type: 'password' | 'number' | 'choice' | 'text';
  label: Record<Language, string>;
  min?: number;
  max?: number;
  /** For 'choice': the options, shown as radio buttons. */
  options?: Array<{ value: string; label: Record<Language, string> }>;
  /** For 'text': the most characters; a text field may be left empty. */
  maxLength?: number;
  /** Pre-filled value (number) or pre-selected option (choice). */
  value?: string;
}

export interface LinkPageIntro {
  title: string;
  explanation: string;
  button: string;
  fields?: LinkPageField[];
}

export interface LinkPageOutcome {
  ok: boolean;
  title: string;
  message: string;
}

/**
 * A page an emailed link opens: GET explains what will happen (and never changes
 * anything); the button POSTs the token back and the action runs.
 */
export interface LinkPage {
  /** Path under the site root, e.g. "verify-email". */
  readonly path: string;
  /** What the button will do, or an outcome at once when the token is not valid. */
  describe(token: string, language: Language): Promise<LinkPageIntro | LinkPageOutcome>;
  perform(token: string, form: Record<string, string>, language: Language): Promise<LinkPageOutcome>;
}

export function isOutcome(value: LinkPageIntro | LinkPageOutcome): value is LinkPageOutcome {
  return 'ok' in value;
}
