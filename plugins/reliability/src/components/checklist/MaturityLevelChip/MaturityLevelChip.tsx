import { NO_LEVEL } from '@internal/backstage-plugin-reliability-common';
import Chip from '@material-ui/core/Chip';
import EmojiEvents from '@material-ui/icons/EmojiEvents';

/** Badge showing the maturity level an entity reached. */
export function MaturityLevelChip(props: { level: string; title: string }) {
  const reached = props.level !== NO_LEVEL;
  return (
    <Chip
      icon={reached ? <EmojiEvents /> : undefined}
      label={props.title}
      color={reached ? 'primary' : 'default'}
      variant={reached ? 'default' : 'outlined'}
      aria-label={`Maturity level: ${props.title}`}
    />
  );
}
