import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { OnCallPerson } from '@internal/backstage-plugin-reliability-common';
import Link from '@material-ui/core/Link';

/** An email that may wrap before its "@" (and nowhere else) when its column is narrow. */
function EmailLink({ email }: { email: string }) {
  const at = email.lastIndexOf('@');
  return (
    <Link href={`mailto:${email}`} underline="always">
      {at > 0 ? (
        <>
          {email.slice(0, at)}
          <wbr />
          {email.slice(at)}
        </>
      ) : (
        email
      )}
    </Link>
  );
}

/**
 * A person on call: a link to their catalog User when known, with a mailto link to their email. The links are
 * underlined: they sit inside sentences, where colour alone does not set them apart (WCAG 1.4.1). `stacked` (for a
 * table's cell) puts the email on a line of its own below the name, without brackets, so a column needs no more
 * than the longer of the two (and an email may wrap before its "@").
 */
export function OnCallPersonName({
  person,
  stacked,
}: {
  person: OnCallPerson | null;
  stacked?: boolean;
}) {
  if (!person) return <>—</>;
  const name = person.userRef ? (
    <EntityRefLink
      entityRef={person.userRef}
      title={person.name}
      underline="always"
    />
  ) : (
    person.name
  );
  if (stacked) {
    return (
      <>
        <span style={{ display: 'block' }}>{name}</span>
        {person.email && (
          <span style={{ display: 'block' }}>
            <EmailLink email={person.email} />
          </span>
        )}
      </>
    );
  }
  return (
    <>
      {name}
      {person.email && (
        <>
          {' '}
          (<EmailLink email={person.email} />)
        </>
      )}
    </>
  );
}
