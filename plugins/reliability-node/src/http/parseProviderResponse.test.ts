import { ProviderResponseError } from './errors';
import {
  parseProviderResponse,
  ProviderResponseSchema,
} from './parseProviderResponse';

// The shape of zod's safeParse; reliability-node does not depend on zod.
const teamSchema: ProviderResponseSchema<{ id: string }> = {
  safeParse(body: unknown) {
    const id = (body as { id?: unknown } | undefined)?.id;
    return typeof id === 'string'
      ? { success: true, data: { id } }
      : {
          success: false,
          error: { issues: [{ path: ['id'], message: 'expected string' }] },
        };
  },
};

describe('parseProviderResponse', () => {
  it('returns the typed data', () => {
    expect(
      parseProviderResponse('Acme', teamSchema, { id: 'a' }, 'team'),
    ).toEqual({ id: 'a' });
  });

  it('throws a ProviderResponseError naming the provider and the problem', () => {
    expect(() =>
      parseProviderResponse('Acme', teamSchema, { id: 1 }, 'team'),
    ).toThrow(
      new ProviderResponseError(
        'Acme',
        'Acme team has an unexpected format: id: expected string',
      ),
    );
  });
});
