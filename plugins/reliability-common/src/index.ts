/**
 * Isomorphic types, SLO math, checklist scoring and permissions of the reliability suite.
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './entities';
export * from './permissions';
export * from './slo';
export * from './oncall';
export * from './runbooks';
export * from './checklist';
export * from './campaigns';
export * from './trends';
export * from './overview';
export * from './policy';
export * from './incidents';
export * from './learning';
export * from './search';
export * from './client';
export * from './validation';
export * from './alerts';
export * from './text';
export * from './backgroundWork';
