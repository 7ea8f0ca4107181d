export { ReasonDialogButton } from './ReasonDialogButton';
