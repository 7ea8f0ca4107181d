/**
 * Extension points of the reliability backend: SLI data providers and on-call providers.
 *
 * @packageDocumentation
 */
export * from './sliProviders';
export * from './onCallProviders';
