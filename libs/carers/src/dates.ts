export { ageOn, localDateSql, today } from '@app/identity';

export const YOUNG_CARER_BELOW_AGE = 25;
export const SELF_SIGNUP_FROM_AGE = 16;
