import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import { IncidentProvider } from '@internal/backstage-plugin-reliability-node';
import { migrateDatabase } from '../../database/migrateDatabase';
import { IncidentService } from '../IncidentService';
import {
  IncidentDocument,
  IncidentDocumentSource,
} from '../postmortems/IncidentDocumentSource';
import { ProviderIncidentSync } from '../sources/ProviderIncidentSync';
import { KnexIncidentStore } from '../store/KnexIncidentStore';
import { TeamSettings } from '../TeamSettings';
import { NOW } from './incidentFixtures';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** An in-memory document source: documents per entity ref. */
export class FakeDocuments implements IncidentDocumentSource {
  readonly byRef = new Map<string, IncidentDocument[]>();
  loads = 0;
  failWith?: Error;

  set(entity: Entity, documents: IncidentDocument[]): this {
    this.byRef.set(entityRefKey(entity), documents);
    return this;
  }

  async load(entity: Entity) {
    this.loads += 1;
    if (this.failWith) throw this.failWith;
    return { runbooks: this.byRef.get(entityRefKey(entity)) ?? [] };
  }
}

/** An incident service over a fresh migrated SQLite database, a mock catalog and fake documents. */
export async function createTestIncidentService(
  options: {
    entities?: Entity[];
    providers?: IncidentProvider[];
    now?: () => Date;
    embeddedLabel?: string;
    /** Time limit of one provider read; default 5 s. */
    providerTimeoutMs?: number;
  } = {},
) {
  const knex = await databases.init('SQLITE_3');
  await migrateDatabase(knex);
  const store = new KnexIncidentStore({ knex });
  const documents = new FakeDocuments();
  const catalog = catalogServiceMock({ entities: options.entities ?? [] });
  const now = options.now ?? (() => NOW);
  const logger = mockServices.logger.mock();
  const service = new IncidentService({
    store,
    documents,
    teamSettings: new TeamSettings({
      catalog,
      defaultTimeZone: 'UTC',
      defaultAcknowledgeTargetSeconds: 900,
      now,
    }),
    sync: new ProviderIncidentSync({
      providers: options.providers ?? [],
      store,
      logger,
      now,
      windowDays: 90,
      timeoutMs: options.providerTimeoutMs ?? 5_000,
    }),
    postmortemSeverity: 'sev2',
    postmortemBusinessDays: 5,
    embeddedLabel: options.embeddedLabel ?? 'embedded',
    logger,
    now,
  });
  return { knex, store, documents, catalog, service, logger };
}
