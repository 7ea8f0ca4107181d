export * from './ReliabilityApi';
export * from './ReliabilityClient';
