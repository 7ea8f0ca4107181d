import { SERVICE_SLO_NAME, StoredPolicyState } from '../store/PolicyStore';
import { buildGateAnswer } from './gateAnswer';

const at = new Date('2026-12-01T10:00:00Z');

/** The service's own state (the most severe of its SLOs). */
const service = (
  decision: StoredPolicyState['decision'],
): StoredPolicyState => ({
  sloName: SERVICE_SLO_NAME,
  policyName: 'default',
  state: decision === 'allow' ? 'ok' : 'frozen',
  decision,
  ruleIndex: decision === 'allow' ? null : 1,
  consequence: null,
  budgetRemaining: 0.5,
  alertState: 'ok',
  since: at,
  evaluatedAt: at,
  conditionHeldAt: decision === 'allow' ? null : at,
  keptUntil: null,
});

const override = {
  id: '3f2b8c1e-4d5a-4b6c-8e7f-9a0b1c2d3e4f',
  entityRef: 'component:default/checkout-api',
  reason: 'Hotfix for the incident',
  createdBy: 'user:default/ada',
  createdAt: '2026-12-01T09:00:00.000Z',
  expiresAt: '2026-12-01T12:00:00.000Z',
};

function answer(options: {
  decision: StoredPolicyState['decision'];
  outdatedSloData?: 'decide' | 'warn' | 'deny';
  overdue?: boolean;
  withOverride?: boolean;
}) {
  return buildGateAnswer({
    entityRef: 'component:default/checkout-api',
    policyName: 'default',
    states: [service(options.decision)],
    slos: [],
    activeOverride: options.withOverride ? override : undefined,
    evaluatedAt: at,
    collectionOverdue:
      options.overdue === false
        ? undefined
        : { checkedAt: '2026-12-01T04:00:00.000Z' },
    outdatedSloData: options.outdatedSloData,
  });
}

describe('buildGateAnswer on outdated SLO data', () => {
  it('keeps the policy decision by default and raises it when configured, never lowers it', () => {
    expect(answer({ decision: 'allow' }).decision).toBe('allow');
    expect(
      answer({ decision: 'allow', outdatedSloData: 'warn' }),
    ).toMatchObject({ decision: 'warn', policyDecision: 'allow' });
    expect(answer({ decision: 'deny', outdatedSloData: 'warn' }).decision).toBe(
      'deny',
    );
    expect(
      answer({ decision: 'allow', outdatedSloData: 'deny', overdue: false })
        .decision,
    ).toBe('allow');
  });

  it('lets an active override turn the deny of outdated data into allow', () => {
    expect(
      answer({
        decision: 'allow',
        outdatedSloData: 'deny',
        withOverride: true,
      }),
    ).toMatchObject({
      decision: 'allow',
      overridden: true,
      policyDecision: 'allow',
    });
  });
});

describe('buildGateAnswer on a state kept after its condition stopped holding', () => {
  it('names until when the state is kept, in the reason and the message', () => {
    const keptUntil = new Date('2026-12-01T10:25:00Z');
    const halted: StoredPolicyState = {
      ...service('deny'),
      sloName: 'availability',
      state: 'halted',
      ruleIndex: 0,
      consequence: 'Halt deploys.',
      conditionHeldAt: new Date('2026-12-01T09:55:00Z'),
      keptUntil,
    };
    const gate = buildGateAnswer({
      entityRef: 'component:default/payments',
      policyName: 'default',
      states: [halted, { ...halted, sloName: SERVICE_SLO_NAME }],
      slos: [],
      activeOverride: undefined,
      evaluatedAt: at,
    });
    expect(gate.decision).toBe('deny');
    expect(gate.reasons).toEqual([
      expect.objectContaining({
        sloName: 'availability',
        state: 'halted',
        keptUntil: keptUntil.toISOString(),
      }),
    ]);
    expect(gate.message).toBe(
      'deny: policy default: availability is halted since 2026-12-01T10:00:00.000Z, kept until 2026-12-01T10:25:00.000Z unless its condition holds again (Halt deploys.)',
    );
  });
});
