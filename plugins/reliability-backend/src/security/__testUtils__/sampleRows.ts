import { Knex } from 'knex';
import { KnexPolicyStore } from '../../policy/store/KnexPolicyStore';
import { SAMPLE_PARAMS } from '../listRoutes';

/**
 * Rows the write routes address by an id no route lets the caller choose: a deploy-gate override of the sample
 * entity with the sample `:id`, active for a day (revoked by `DELETE .../deploy-gate/overrides/:id`). Call it
 * after the backend migrated the database.
 */
export async function seedSampleRows(knex: Knex, now = new Date()) {
  await new KnexPolicyStore({ knex }).createOverride({
    id: SAMPLE_PARAMS.id,
    entityRef: `${SAMPLE_PARAMS.kind}:${SAMPLE_PARAMS.namespace}/${SAMPLE_PARAMS.name}`,
    reason: 'Seeded for the security tests',
    createdBy: 'user:default/mock',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 24 * 3600_000).toISOString(),
  });
}
