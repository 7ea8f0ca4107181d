import { Link } from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';
import { useReliabilityPagePath } from '../../../hooks';
import { GLOSSARY, GlossaryTermId } from './glossary';

/** Path of the Glossary tab under the reliability page. */
export const GLOSSARY_TAB_PATH = 'glossary';

const useStyles = makeStyles({
  term: {
    textDecoration: 'underline dotted',
    textUnderlineOffset: '2px',
    color: 'inherit',
    cursor: 'help',
  },
});

/**
 * A term of the SRE vocabulary where a page uses it: dotted underline, its definition on hover, and a link to
 * its entry on the Glossary tab (`/reliability/glossary#error-budget`). Without the reliability page in the
 * app it keeps the hover definition only.
 */
export function GlossaryTerm(props: {
  term: GlossaryTermId;
  children?: ReactNode;
  /** Show the definition on hover (default); off where the surrounding element has a tooltip of its own. */
  tooltip?: boolean;
}) {
  const classes = useStyles();
  const root = useReliabilityPagePath();
  const path = root && `${root}/${GLOSSARY_TAB_PATH}`;
  const entry = GLOSSARY.find(e => e.id === props.term);
  const text = props.children ?? entry?.term ?? props.term;
  if (!entry) {
    return <>{text}</>;
  }
  const term = path ? (
    <Link
      to={`${path}#${entry.id}`}
      className={classes.term}
      data-glossary-term={entry.id}
    >
      {text}
    </Link>
  ) : (
    <span className={classes.term} data-glossary-term={entry.id}>
      {text}
    </span>
  );
  if (props.tooltip === false) {
    return term;
  }
  return (
    <Tooltip title={entry.definition} arrow>
      {term}
    </Tooltip>
  );
}
