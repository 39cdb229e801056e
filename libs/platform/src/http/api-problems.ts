import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiResponse, getSchemaPath } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'email must be an email' }) message: string;
}

export class ProblemDto {
  @ApiProperty({ example: 'urn:mantelzorg:problem:validation-failed' }) type: string;
  @ApiProperty({ example: 'De gegevens kloppen niet' }) title: string;
  @ApiProperty({ example: 400 }) status: number;
  @ApiProperty({ example: 'The request has invalid or unknown fields.' }) detail: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable upper-case code' }) code: string;
  @ApiProperty({ type: [FieldErrorDto] }) errors: FieldErrorDto[];
}

const DEFAULT_CODES: Record<number, string[]> = {
  400: ['VALIDATION_FAILED', 'MALFORMED_REQUEST'],
  401: ['UNAUTHENTICATED'],
  403: ['FORBIDDEN'],
  404: ['NOT_FOUND'],
  429: ['TOO_MANY_REQUESTS'],
};

/**
 * Documents the problem+json answers of a route: `ApiProblems({ 404: ['NOT_FOUND'], 409: ['EMAIL_TAKEN'] })`.
 * Authenticated routes get 401/403 through ApiAuth; every route gets 400.
 */
export function ApiProblems(byStatus: Record<number, string[] | undefined> = {}) {
  const statuses = { 400: undefined, ...byStatus };
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...Object.entries(statuses).map(([status, codes]) => {
      const list = codes ?? DEFAULT_CODES[Number(status)] ?? [];
      return ApiResponse({
        status: Number(status),
        description: `Problem: ${list.join(', ')}`,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      });
    }),
  );
}
