import { FieldError } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details as this API answers them. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors: FieldError[];
}

export function problemType(code: string): string {
  return `urn:mantelzorg:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}
