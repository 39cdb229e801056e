import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out but, when sent, must be valid. Unlike IsOptional, null is checked
 * (and refused by the field's validators) instead of passed on to a column that cannot hold it.
 */
export const Omittable = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
