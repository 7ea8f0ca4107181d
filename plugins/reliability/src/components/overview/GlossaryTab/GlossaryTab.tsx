import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useEffect } from 'react';
import { useLocation } from 'react-router-dom';
import { useGlossary } from './loadGlossary';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))',
    columnGap: theme.spacing(4),
    margin: 0,
  },
  entry: {
    scrollMarginTop: theme.spacing(10),
    borderRadius: 4,
    padding: theme.spacing(0.5, 1),
  },
  // The entry named in the address (a class, not `:target`: the entries appear after the navigation).
  named: {
    outline: `2px solid ${theme.palette.primary.main}`,
    background: theme.palette.action.selected,
  },
  definition: { marginLeft: 0 },
}));

/**
 * The "Glossary" tab: short definitions of the SRE terms used across the reliability pages. Every entry has an
 * anchor (`#error-budget`) that `GlossaryTerm` links to; the entry named in the address is scrolled into view
 * and outlined.
 */
export function GlossaryTab() {
  const classes = useStyles();
  const { hash } = useLocation();
  const { entries, error } = useGlossary({ eager: true });
  const named = decodeURIComponent(hash.replace(/^#/, ''));
  useEffect(() => {
    if (named && entries) {
      document.getElementById(named)?.scrollIntoView?.({ block: 'start' });
    }
  }, [named, entries]);
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  return (
    <InfoCard
      title="SRE glossary"
      subheader="The words used on the reliability pages, in plain language."
    >
      {entries ? null : <Progress />}
      <dl className={classes.list}>
        {(entries ?? []).map(({ id, term, definition }) => (
          <div
            key={id}
            id={id}
            className={
              id === named ? `${classes.entry} ${classes.named}` : classes.entry
            }
          >
            <Typography component="dt" variant="subtitle1">
              <strong>{term}</strong>
            </Typography>
            <Typography
              component="dd"
              variant="body2"
              paragraph
              className={classes.definition}
            >
              {definition}
            </Typography>
          </div>
        ))}
      </dl>
    </InfoCard>
  );
}
