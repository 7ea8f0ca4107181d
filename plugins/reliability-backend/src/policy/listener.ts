import {
  DeployGateOverride,
  PolicyDecision,
} from '@internal/backstage-plugin-reliability-common';

/** A change of the error-budget policy state of a service as a whole, as recorded. */
export interface PolicyServiceStateChange {
  entityRef: string;
  fromState: string;
  toState: string;
  /** The decision of the new state. */
  decision: PolicyDecision;
  changedAt: string;
  /** What the team does in the new state, when the service is still in it (null otherwise, or for ok). */
  consequence: string | null;
  /** The service's state now, when it changed again since (null while `toState` holds). */
  currentState: string | null;
}

/** Told about services whose policy state changed, and about break-glass overrides (the notifications area). */
export interface PolicyListener {
  /** Recent changes, oldest first; may repeat a change already told (the listener keeps each once). */
  serviceStatesChanged(changes: PolicyServiceStateChange[]): Promise<void>;
  /** A break-glass override of the deploy gate was just created (by the request that created it). */
  overrideCreated(override: DeployGateOverride): Promise<void>;
  /** An override was just ended early (`revoked` set: when it ends, who, why), by the request that revoked it. */
  overrideRevoked(override: DeployGateOverride): Promise<void>;
}
