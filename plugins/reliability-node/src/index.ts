/**
 * Extension points of the reliability backend (SLI data providers and on-call providers), and the HTTP client
 * with timeouts, retries and typed errors that provider modules share.
 *
 * @packageDocumentation
 */
export * from './sliProviders';
export * from './onCallProviders';
export * from './http';
