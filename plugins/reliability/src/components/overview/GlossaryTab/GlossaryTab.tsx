import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { GLOSSARY } from './glossary';

/** The "Glossary" tab: short definitions of the SRE terms used across the reliability pages. */
export function GlossaryTab() {
  return (
    <InfoCard title="SRE glossary">
      <dl>
        {GLOSSARY.map(({ term, definition }) => (
          <div key={term}>
            <Typography component="dt" variant="subtitle1">
              <strong>{term}</strong>
            </Typography>
            <Typography component="dd" variant="body2" paragraph>
              {definition}
            </Typography>
          </div>
        ))}
      </dl>
    </InfoCard>
  );
}
