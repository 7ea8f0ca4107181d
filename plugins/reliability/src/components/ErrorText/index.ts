export { ErrorText, useErrorTextClassName } from './ErrorText';
