import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OnCallPerson } from '@internal/backstage-plugin-reliability-common';
import Link from '@material-ui/core/Link';

/**
 * A person on call: a link to their catalog User when known, with a mailto link to their email. The links are
 * underlined: they sit inside sentences, where colour alone does not set them apart (WCAG 1.4.1).
 */
export function OnCallPersonName({ person }: { person: OnCallPerson | null }) {
  if (!person) return <>—</>;
  return (
    <>
      {person.userRef ? (
        <EntityRefLink
          entityRef={person.userRef}
          title={person.name}
          underline="always"
        />
      ) : (
        person.name
      )}
      {person.email && (
        <>
          {' '}
          (
          <Link href={`mailto:${person.email}`} underline="always">
            {person.email}
          </Link>
          )
        </>
      )}
    </>
  );
}
