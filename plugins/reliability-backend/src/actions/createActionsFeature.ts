import { ActionsRegistryActionOptions } from '@backstage/backend-plugin-api/alpha';
import Router from 'express-promise-router';
import { AnyZodObject } from 'zod/v3';
import { ReliabilityContext } from '../context';
import { ReliabilityFeature } from '../feature';
import { createCheckDataFreshnessAction } from './checkDataFreshnessAction';
import { createCheckDeployGateAction } from './checkDeployGateAction';
import { createExplainSystemAction } from './explainSystemAction';
import { createFindRunbooksAction } from './findRunbooksAction';
import { createGetServiceReliabilityAction } from './getServiceReliabilityAction';
import { createListServicesAtRiskAction } from './listServicesAtRiskAction';
import { ActionSources } from './sources';
import { createSubmitSliEventsAction } from './submitSliEventsAction';
import { createWhoIsOnCallAction } from './whoIsOnCallAction';

/**
 * The actions area: the suite's actions in Backstage's actions registry (exposed to AI assistants by the MCP
 * actions plugin as `reliability.<name>`). It mounts no routes of its own (the registry serves
 * `/.backstage/actions/...` on the plugin's router), so its router is empty.
 */
export interface ActionsFeature extends ReliabilityFeature {
  readonly name: 'actions';
  /** Names of the registered actions (ids are `reliability:<name>`). */
  readonly actionNames: readonly string[];
}

/**
 * Registers every action of the suite with `ctx.actionsRegistry`. Each action runs with the caller's
 * credentials: entities are read from the catalog on the caller's behalf (an entity the caller may not see is
 * "not found"), and `submit-sli-events` is permission-checked like its HTTP route.
 */
export async function createActionsFeature(
  ctx: ReliabilityContext,
  sources: ActionSources,
): Promise<ActionsFeature> {
  const { catalog, permissions, now, actionsRegistry } = ctx;
  const actionNames: string[] = [];
  const register = <I extends AnyZodObject, O extends AnyZodObject>(
    action: ActionsRegistryActionOptions<I, O>,
  ) => {
    actionsRegistry.register(action);
    actionNames.push(action.name);
  };
  register(createGetServiceReliabilityAction({ catalog, ...sources }));
  register(createWhoIsOnCallAction({ catalog, onCall: sources.onCall }));
  register(createFindRunbooksAction({ catalog, runbooks: sources.runbooks }));
  register(createListServicesAtRiskAction({ overview: sources.overview }));
  register(createExplainSystemAction({ tour: sources.tour }));
  register(
    createCheckDataFreshnessAction({ backgroundWork: sources.backgroundWork }),
  );
  register(
    createCheckDeployGateAction({ catalog, deployGate: sources.deployGate }),
  );
  register(
    createSubmitSliEventsAction({
      catalog,
      permissions,
      now,
      sliEvents: sources.sliEvents,
      sliEventsSchema: sources.sliEventsSchema,
    }),
  );
  return {
    name: 'actions',
    router: Router(),
    actionNames,
  };
}
