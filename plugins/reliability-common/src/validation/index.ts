export * from './prototypeKeys';
