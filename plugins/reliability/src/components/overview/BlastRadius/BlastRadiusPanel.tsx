import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { entityRefKey } from '@internal/backstage-plugin-reliability-common';
import useAsync from 'react-use/esm/useAsync';
import { GlossaryTerm } from '../GlossaryTab';
import { BlastRadiusView } from './BlastRadiusView';
import { ErrorText } from '../../ErrorText';

interface Choice {
  ref: string;
  label: string;
}

/** Most components offered in the picker. */
const MAX_CHOICES = 1000;

/**
 * "What breaks if this fails?": pick any component and see everything that depends on it, transitively, with
 * tiers, SLOs and owners, plus its rollback procedures and pre-mortems. The pick is controlled by the caller,
 * so the reading path and the journey walk can open it for their services.
 */
export function BlastRadiusPanel(props: {
  entityRef: string | undefined;
  onChange: (entityRef: string | undefined) => void;
}) {
  const catalogApi = useApi(catalogApiRef);
  const choices = useAsync(async (): Promise<Choice[]> => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'component' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
      order: { field: 'metadata.name', order: 'asc' },
      limit: MAX_CHOICES,
    });
    return items.map(entity => ({
      ref: entityRefKey(entity),
      label: `${
        entity.metadata.title ?? entity.metadata.name
      } (${stringifyEntityRef(entity)})`,
    }));
  }, [catalogApi]);
  const options = choices.value ?? [];
  const selected =
    options.find(o => o.ref === props.entityRef) ??
    (props.entityRef ? { ref: props.entityRef, label: props.entityRef } : null);
  return (
    <InfoCard
      title="Blast radius"
      subheader={
        <span>
          What breaks if this fails? Everything that depends on a component,
          directly or through other services and APIs (its{' '}
          <GlossaryTerm term="blast-radius">blast radius</GlossaryTerm>): where
          a <GlossaryTerm term="pre-mortem">pre-mortem</GlossaryTerm> starts.
        </span>
      }
    >
      <div id="blast-radius">
        <Autocomplete<Choice>
          options={options}
          loading={choices.loading}
          value={selected}
          getOptionLabel={option => option.label}
          getOptionSelected={(option, value) => option.ref === value.ref}
          onChange={(_event, value) => props.onChange(value?.ref)}
          renderInput={params => (
            <TextField
              {...params}
              label="Component that fails"
              variant="outlined"
              size="small"
            />
          )}
        />
        {choices.error && (
          <ErrorText variant="body2">
            Components could not be listed: {choices.error.message}
          </ErrorText>
        )}
        {props.entityRef && (
          <div style={{ marginTop: 16 }}>
            <BlastRadiusView entityRef={props.entityRef} />
          </div>
        )}
      </div>
    </InfoCard>
  );
}
