/**
 * Search collator of the reliability suite: runbooks, rollback procedures, postmortems, pre-mortems and SLOs,
 * visible to whoever may read their catalog entity.
 *
 * @packageDocumentation
 */
export { searchModuleReliabilityCollator as default } from './module';
export { ReliabilityCollatorFactory } from './ReliabilityCollatorFactory';
export type {
  IndexableReliabilityDocument,
  ReliabilityCollatorFactoryOptions,
} from './ReliabilityCollatorFactory';
