import { InputError } from '@backstage/errors';
import { ownerQuerySchema } from './ownerQuery';
import { parseInput } from './parseInput';

describe('ownerQuerySchema', () => {
  it.each(['group:default/team-a', 'default/team-a', 'team-a'])(
    'accepts the owner %j',
    owner => {
      expect(parseInput(ownerQuerySchema, { owner }, 'query')).toEqual({
        owner,
      });
    },
  );

  it('accepts no owner', () => {
    expect(parseInput(ownerQuerySchema, {}, 'query')).toEqual({});
  });

  it.each([
    { owner: 'group:default/team a' },
    { owner: 'a/b/c' },
    { owner: ['team-a', 'team-b'] },
    { owner: 'team-a', extra: '1' },
  ])('rejects %j with a 400', query => {
    expect(() => parseInput(ownerQuerySchema, query, 'query')).toThrow(
      InputError,
    );
  });
});
