import { SnakeNamingStrategy } from './snake-naming.strategy';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();

  it('names tables and columns in snake_case', () => {
    expect(naming.tableName('WijkPostcodeRange')).toBe('wijk_postcode_range');
    expect(naming.columnName('emailVerifiedAt', undefined, [])).toBe('email_verified_at');
    expect(naming.columnName('fromPc4', undefined, [])).toBe('from_pc4');
    expect(naming.columnName('x', 'custom_name', [])).toBe('custom_name');
  });
});
