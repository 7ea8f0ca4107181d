import { parseJourneyYaml } from './parseJourneyYaml';

const valid = `
apiVersion: reliability.sre-portal.dev/v1alpha1
kind: Journey
metadata:
  name: shopper-pays
  title: A shopper pays for an order
  description: From the basket to a confirmed order.
spec:
  slo: orders-checkout-journey
  steps:
    - entity: storefront-web
      description: The shopper presses Pay.
    - entity: api:checkout-http
      description: The storefront calls the checkout API.
    - entity: component:payments/psp-adapter
      description: The payment is charged.
`;

describe('parseJourneyYaml', () => {
  it('reads journeys with steps as normalised refs (Components and the declaring namespace by default)', () => {
    const { journeys, errors } = parseJourneyYaml(valid, 'shop');
    expect(errors).toEqual([]);
    expect(journeys).toEqual([
      {
        name: 'shopper-pays',
        title: 'A shopper pays for an order',
        description: 'From the basket to a confirmed order.',
        slo: 'orders-checkout-journey',
        steps: [
          {
            entityRef: 'component:shop/storefront-web',
            description: 'The shopper presses Pay.',
          },
          {
            entityRef: 'api:shop/checkout-http',
            description: 'The storefront calls the checkout API.',
          },
          {
            entityRef: 'component:payments/psp-adapter',
            description: 'The payment is charged.',
          },
        ],
      },
    ]);
  });

  it('keeps the valid documents of a file and names the document and field of every problem', () => {
    const text = [
      valid,
      `apiVersion: reliability.sre-portal.dev/v1alpha1
kind: Journey
metadata:
  name: Bad Name
  title: Broken
spec:
  steps: []`,
      `apiVersion: reliability.sre-portal.dev/v1alpha1
kind: Journey
metadata:
  name: resource-step
  title: Steps on a database
spec:
  steps:
    - entity: resource:orders-db
      description: Not a component.`,
      `kind: Journey\n  bad: [indent`,
      valid,
    ].join('\n---\n');
    const { journeys, errors } = parseJourneyYaml(text, 'default');
    expect(journeys.map(j => j.name)).toEqual(['shopper-pays']);
    expect(errors).toEqual([
      expect.stringMatching(/^#2 metadata\.name: must be lower-case/),
      expect.stringMatching(/^#2 spec\.steps: /),
      "#3 spec.steps.0.entity: must name a Component or an API, not 'resource:orders-db'",
      expect.stringMatching(/^#4: invalid YAML at line \d+, column \d+/),
      "#5 metadata.name: journey 'shopper-pays' is defined more than once in the file; the first one is used",
    ]);
  });

  it('rejects unknown fields, wrong kinds and empty files', () => {
    expect(
      parseJourneyYaml(
        valid.replace('kind: Journey', 'kind: Journey\nextra: 1'),
        'default',
      ).errors,
    ).toEqual([expect.stringMatching(/^#1 \(document\): .*extra/)]);
    expect(
      parseJourneyYaml(
        valid.replace('kind: Journey', 'kind: System'),
        'default',
      ).errors,
    ).toEqual([expect.stringMatching(/^#1 kind: /)]);
    expect(parseJourneyYaml('', 'default')).toEqual({
      journeys: [],
      errors: ['the file holds no journey'],
    });
  });
});
