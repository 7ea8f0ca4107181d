export { RevokeOverrideButton } from './RevokeOverrideButton';
