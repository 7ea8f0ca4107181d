import {
  createTestClient as createClient,
  TEST_BASE_URL,
} from './__testUtils__/createTestClient';

const ref = { kind: 'Component', namespace: 'default', name: 'orders' };
const base = TEST_BASE_URL;

describe('ReliabilityClient checklist', () => {
  it('reads the checklist, maturity, history and roll-ups', async () => {
    const { client, fetch } = createClient({});
    await client.getChecklist();
    await client.getEntityMaturity(ref);
    await client.getEntityMaturityHistory(ref);
    await client.getMaturityRollups('domain');
    expect(fetch.mock.calls.map(call => call[0])).toEqual([
      `${base}/checklist`,
      `${base}/entities/component/default/orders/maturity`,
      `${base}/entities/component/default/orders/maturity/history`,
      `${base}/rollups?by=domain`,
    ]);
  });

  it('submits assessments and saves drafts as JSON', async () => {
    const { client, fetch } = createClient({ draft: { step: 1 } });
    const request = {
      checklistVersion: 'v1',
      answers: { rollback: { answer: 'yes' as const } },
    };
    await client.submitMaturityAssessment(ref, request);
    expect(await client.saveMaturityDraft(ref, request)).toEqual({ step: 1 });
    expect(await client.getMaturityDraft(ref)).toEqual({ step: 1 });
    expect(fetch.mock.calls[0][0]).toBe(
      `${base}/entities/component/default/orders/maturity/assessments`,
    );
    expect(fetch.mock.calls[0][1]).toMatchObject({
      method: 'POST',
      body: JSON.stringify(request),
    });
    expect(fetch.mock.calls[1][1]).toMatchObject({ method: 'PUT' });
  });

  it('throws ResponseErrors carrying the status', async () => {
    const { client } = createClient(
      { error: { name: 'NotAllowedError', message: 'no' } },
      403,
    );
    await expect(
      client.submitMaturityAssessment(ref, {
        checklistVersion: 'v1',
        answers: {},
      }),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 403 });
  });
});
