import { WarningPanel } from '@backstage/core-components';
import { SloDefinitionProblem } from '@internal/backstage-plugin-reliability-common';

/** Problems found in an entity's SLO definitions, as a collapsible warning. */
export function SloDefinitionErrors(props: { errors: SloDefinitionProblem[] }) {
  if (props.errors.length === 0) return null;
  return (
    <WarningPanel
      severity="warning"
      title={`${props.errors.length} problem${
        props.errors.length > 1 ? 's' : ''
      } in the SLO definitions`}
    >
      <ul>
        {props.errors.map((error, index) => (
          <li key={index}>
            {[error.source, error.document, error.path]
              .filter(Boolean)
              .join(' ')}
            {': '}
            {error.message}
          </li>
        ))}
      </ul>
    </WarningPanel>
  );
}
