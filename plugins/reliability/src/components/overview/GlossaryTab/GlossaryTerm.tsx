import { Link } from '@backstage/core-components';
import Tooltip from '@material-ui/core/Tooltip';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode, useState } from 'react';
import { useReliabilityPagePath } from '../../../hooks';
import type { GlossaryTermId } from './glossary';
import { entryOf, useGlossary } from './loadGlossary';

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
 * A term of the SRE vocabulary where a page uses it: dotted underline, its definition on hover or focus, and a
 * link to its entry on the Glossary tab (`/reliability/glossary#error-budget`). Without the reliability page in
 * the app it keeps the hover definition only. The definitions load on the first hover or focus (a chunk of
 * their own); the tooltip opens as soon as they are there.
 */
export function GlossaryTerm(props: {
  term: GlossaryTermId;
  /** The words as the page says them; without them the glossary's name of the term (loaded at once). */
  children?: ReactNode;
  /** Show the definition on hover (default); off where the surrounding element has a tooltip of its own. */
  tooltip?: boolean;
}) {
  const classes = useStyles();
  const root = useReliabilityPagePath();
  const glossary = useGlossary({ eager: props.children === undefined });
  const entry = entryOf(glossary.entries, props.term);
  const text = props.children ?? entry?.term ?? props.term;
  const [open, setOpen] = useState(false);
  const path = root && `${root}/${GLOSSARY_TAB_PATH}`;
  const term = path ? (
    <Link
      to={`${path}#${props.term}`}
      className={classes.term}
      data-glossary-term={props.term}
    >
      {text}
    </Link>
  ) : (
    <span className={classes.term} data-glossary-term={props.term}>
      {text}
    </span>
  );
  if (props.tooltip === false) {
    return term;
  }
  return (
    <Tooltip
      // Empty until the definitions are loaded: MUI shows no tooltip for an empty title.
      title={entry?.definition ?? ''}
      arrow
      open={open}
      onOpen={() => {
        glossary.load();
        setOpen(true);
      }}
      onClose={() => setOpen(false)}
    >
      {term}
    </Tooltip>
  );
}
