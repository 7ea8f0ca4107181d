/**
 * Extension points of the reliability backend (SLI data, on-call and incident providers), the HTTP client
 * with timeouts, retries and typed errors that provider modules share, and the config-to-provider wiring of
 * modules.
 *
 * @packageDocumentation
 */
export * from './sliProviders';
export * from './onCallProviders';
export * from './incidentProviders';
export * from './http';
export * from './providerFromConfig';
export * from './alertSources';
