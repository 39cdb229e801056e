import { randomUUID } from 'node:crypto';
import { HttpAnswer, TestApp } from './test-app';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
export type Schema = Record<string, any>;
export type Resolve = (schema: Schema | undefined) => Schema | undefined;

export interface Operation {
  method: Method;
  path: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema }>;
  body?: Schema;
  security: string[];
}

/** One request to an operation: its path parameters, query, body and extra headers. */
export interface Attempt {
  path: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  /** Headers sent instead of (or besides) the caller's own. */
  headers?: Record<string, string>;
}

/** The API's own OpenAPI document, read once: its operations and a request to each that validation could accept. */
export class OpenApiOperations {
  readonly all: Operation[];
  readonly resolve: Resolve;
  private readonly plausible: (schema: Schema | undefined, name?: string) => unknown;

  private constructor(docs: any, municipalityCode: string) {
    this.all = operationsOf(docs);
    this.resolve = (schema) =>
      schema?.$ref ? this.resolve(docs.components.schemas[schema.$ref.split('/').pop()]) : schema;
    this.plausible = plausibleValues(this.resolve, municipalityCode);
  }

  static async read(app: TestApp, municipalityCode: string): Promise<OpenApiOperations> {
    return new OpenApiOperations((await app.get('/api/docs-json')).body, municipalityCode);
  }

  /** Required parameters and the body filled with values of their types and formats; ids are random. */
  plausibleAttempt(operation: Operation): Attempt {
    const path: Record<string, string> = {};
    const query: Record<string, string> = {};
    for (const parameter of operation.parameters) {
      const given = String(this.plausible(parameter.schema, parameter.name));
      if (parameter.in === 'path') path[parameter.name] = given;
      if (parameter.in === 'query' && parameter.required) query[parameter.name] = given;
    }
    return { path, query, body: operation.body ? this.plausible(this.resolve(operation.body)) : undefined };
  }
}

/** Sends the attempt with the caller's headers; a fresh Idempotency-Key on anything but a GET. */
export function sendAttempt(
  app: TestApp,
  operation: Operation,
  attempt: Attempt,
  headers: Record<string, string>,
): Promise<HttpAnswer> {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(attempt.path[name] ?? randomUUID()),
  );
  const query = new URLSearchParams(attempt.query).toString();
  const mutating = operation.method !== 'GET';
  return app.request(operation.method, `${path}${query ? `?${query}` : ''}`, {
    headers: {
      ...headers,
      ...(mutating ? { 'idempotency-key': randomUUID() } : {}),
      ...(attempt.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
      ...attempt.headers,
    },
    body: attempt.body,
    rawBody: attempt.rawBody,
  });
}

function operationsOf(docs: any): Operation[] {
  const methods: Method[] = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];
  return Object.entries(docs.paths as Record<string, Record<string, any>>).flatMap(([path, byMethod]) =>
    methods
      .filter((method) => byMethod[method.toLowerCase()])
      .map((method) => {
        const operation = byMethod[method.toLowerCase()];
        return {
          method,
          path,
          parameters: operation.parameters ?? [],
          body: operation.requestBody?.content?.['application/json']?.schema,
          security: (operation.security ?? []).flatMap((requirement: object) => Object.keys(requirement)),
        };
      }),
  );
}

/** A value of the schema's type and format that validation could accept. */
function plausibleValues(resolve: (schema: Schema | undefined) => Schema | undefined, municipalityCode: string) {
  const value = (schema: Schema | undefined, name = '', depth = 0): unknown => {
    const resolved = resolve(schema) ?? {};
    if (resolved.example !== undefined) return resolved.example;
    if (resolved.enum) return resolved.enum[0];
    if (resolved.allOf) return value(resolved.allOf[0], name, depth);
    if (resolved.oneOf || resolved.anyOf) return value((resolved.oneOf ?? resolved.anyOf)[0], name, depth);
    switch (resolved.type) {
      case 'integer':
      case 'number':
        return resolved.minimum ?? 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 3 ? [] : [value(resolved.items, name, depth + 1)];
      case 'object':
        return depth > 3 ? {} : objectOf(resolved, depth);
      default:
        return stringOf(resolved, name);
    }
  };
  const objectOf = (schema: Schema, depth: number) =>
    Object.fromEntries(
      Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, property]) => [
        name,
        value(property, name, depth + 1),
      ]),
    );
  const stringOf = (schema: Schema, name: string): string => {
    if (schema.format === 'uuid' || /Id$|^id$/.test(name)) return randomUUID();
    if (schema.format === 'date') return '2027-03-01';
    if (schema.format === 'date-time') return '2027-03-01T10:00:00.000Z';
    if (schema.format === 'email' || /email/i.test(name)) return 'fuzz@example.nl';
    if (/municipality/i.test(name)) return municipalityCode;
    if (/postcode/i.test(name)) return '1121AB';
    return 'Tekst'.padEnd(Math.max(schema.minLength ?? 0, 5), 'x');
  };
  return value;
}
