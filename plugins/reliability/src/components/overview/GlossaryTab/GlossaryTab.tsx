import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { GLOSSARY } from './glossary';

/** The "Glossary" tab: short definitions of the SRE terms used across the reliability pages. */
const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))',
    columnGap: theme.spacing(4),
    margin: 0,
  },
  definition: { marginLeft: 0 },
}));

export function GlossaryTab() {
  const classes = useStyles();
  return (
    <InfoCard
      title="SRE glossary"
      subheader="The words used on the reliability pages, in plain language."
    >
      <dl className={classes.list}>
        {GLOSSARY.map(({ term, definition }) => (
          <div key={term}>
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
