import { MaturityExemption } from '@internal/backstage-plugin-reliability-common';

/** What happens to exemptions, for whoever tells people about it (the notifications area). */
export interface ExemptionListener {
  /** An exemption was approved (by an admin or automatically) or rejected. */
  exemptionDecided(exemption: MaturityExemption): Promise<void>;
  /** Approved exemptions that ended by themselves (not revoked), found by the checklist's refresh. */
  exemptionsExpired(exemptions: MaturityExemption[]): Promise<void>;
}

/** An entity whose maturity level went down between two evaluations of the checklist's refresh. */
export interface MaturityLevelDrop {
  entityRef: string;
  from: string;
  to: string;
  /** When the evaluation at `from` was made (identifies this drop). */
  previousEvaluatedAt: string;
  /** Items that keep the entity below `from` now. */
  blocking: string[];
}

/** Told when the checklist's refresh finds lower levels (expired answers, a failing automatic check). */
export interface MaturityLevelListener {
  levelsDropped(drops: MaturityLevelDrop[]): Promise<void>;
}

/** Everything the checklist area tells its listener. */
export type ChecklistListener = ExemptionListener & MaturityLevelListener;
