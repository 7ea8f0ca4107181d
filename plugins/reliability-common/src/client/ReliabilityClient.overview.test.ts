import { ReliabilityClient } from './ReliabilityClient';
import { TEST_BASE_URL } from './__testUtils__/createTestClient';

function clientAnswering(response: Response) {
  const fetch = jest.fn(async (_url: string | URL | Request) => response);
  const client = new ReliabilityClient({
    discoveryApi: { getBaseUrl: async () => TEST_BASE_URL },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const csv =
  'entityRef,name\r\ncomponent:default/a,a\r\ncomponent:default/b,b\r\n';

describe('ReliabilityClient overview CSV', () => {
  it('exports with the filters only and reads the counts from the headers', async () => {
    const { client, fetch } = clientAnswering(
      new Response(csv, {
        headers: {
          'Content-Type': 'text/csv',
          'X-Reliability-Total-Items': '12',
          'X-Reliability-Exported-Items': '2',
        },
      }),
    );
    const result = await client.getOverviewCsv({
      team: 'group:default/sre',
      limit: 50,
      cursor: 'abc',
    });
    expect(fetch.mock.calls[0][0]).toBe(
      `${TEST_BASE_URL}/overview.csv?team=group%3Adefault%2Fsre`,
    );
    expect(result).toEqual({ csv, totalItems: 12, exportedItems: 2 });
  });

  it('counts the rows when the backend does not send the headers', async () => {
    const { client } = clientAnswering(new Response(csv));
    expect(await client.getOverviewCsv({})).toMatchObject({
      totalItems: 2,
      exportedItems: 2,
    });
  });

  it('throws the backend’s error', async () => {
    const { client } = clientAnswering(
      new Response(
        JSON.stringify({ error: { name: 'InputError', message: 'bad tier' } }),
        { status: 400, headers: { 'Content-Type': 'application/json' } },
      ),
    );
    await expect(client.getOverviewCsv({})).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 400,
    });
  });
});
