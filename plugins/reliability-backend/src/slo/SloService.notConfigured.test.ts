import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ProviderNotConfiguredError } from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from '../database/migrateDatabase';
import {
  checkoutEntity,
  createTestSloService,
  fakeProvider,
} from './__testUtils__/sloFixtures';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const NOT_CONFIGURED =
  'Datadog provider not configured: set reliability.datadog.apiKey and reliability.datadog.applicationKey in app-config';

async function setup() {
  const db = await databases.init('SQLITE_3');
  await migrateDatabase(db);
  const now = new Date('2026-11-20T12:00:00Z');
  const provider = fakeProvider(() => ({ good: 999, total: 1000 }));
  provider.fail = new ProviderNotConfiguredError(
    'Datadog',
    'reliability.datadog.apiKey and reliability.datadog.applicationKey',
  );
  const logger = mockServices.logger.mock();
  const { service } = createTestSloService({
    db,
    providers: [provider],
    now: () => now,
    logger,
  });
  return { service, logger, provider };
}

describe('SloService with a provider that is not configured', () => {
  it('shows only the "provider not configured" message on the SLO', async () => {
    const { service } = await setup();
    await service.collectEntity(checkoutEntity());
    const status = (await service.getEntitySlos(checkoutEntity())).slos[0]
      .status!;
    expect(status).toMatchObject({
      error: NOT_CONFIGURED,
      stale: true,
      attainment: null,
    });
  });

  it('logs it once, not on every refresh', async () => {
    const { service, logger, provider } = await setup();
    await service.collectEntity(checkoutEntity());
    await service.collectEntity(checkoutEntity());
    await service.collectEntity(checkoutEntity());
    expect(provider.calls).toBeGreaterThanOrEqual(3);
    const warnings = logger.warn.mock.calls.map(([message]) => message);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(NOT_CONFIGURED);
  });

  it('still logs every other provider failure', async () => {
    const { service, logger, provider } = await setup();
    provider.fail = new Error('connection refused');
    await service.collectEntity(checkoutEntity());
    await service.collectEntity(checkoutEntity());
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenLastCalledWith(
      expect.stringContaining('connection refused'),
    );
  });
});
