import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { describeReliabilitySources } from './describeReliabilitySources';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import CheckCircle from '@material-ui/icons/CheckCircle';
import RadioButtonUnchecked from '@material-ui/icons/RadioButtonUnchecked';
import { WrappingListItemText } from '../WrappingListItemText';

/**
 * Shows which reliability data sources an entity declares (SLO definitions, on-call, runbooks, tier),
 * with the annotation to add for each one that is missing.
 */
export function ReliabilitySourcesCard() {
  const { entity } = useEntity();
  const sources = describeReliabilitySources(entity);
  return (
    <InfoCard title="Reliability data sources">
      <List dense>
        {sources.map(source => (
          <ListItem key={source.label}>
            <ListItemIcon>
              {source.configured ? (
                <CheckCircle color="primary" titleAccess="configured" />
              ) : (
                <RadioButtonUnchecked titleAccess="not configured" />
              )}
            </ListItemIcon>
            <WrappingListItemText
              primary={source.label}
              secondary={source.detail}
            />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}
