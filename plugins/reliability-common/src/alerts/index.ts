export * from './types';
export * from './coverage';
export * from './noise';
export * from './gaps';
export * from './selector';
export * from './sloBased';
export * from './runbooks';
export * from './checks';
