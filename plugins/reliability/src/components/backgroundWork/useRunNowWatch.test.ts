import { localRunNowNotice } from './useRunNowWatch';
import { testLocalTask } from './testData';

const LABEL = 'On-call schedule files';

describe('localRunNowNotice', () => {
  const task = testLocalTask(true);

  it('says how many replicas have still to run it while the request is pending, and warns when time is up', () => {
    const pending = {
      ...task,
      runRequest: {
        requestedAt: '2026-12-01T10:02:00.000Z',
        pendingReplicas: 1,
      },
    };
    expect(localRunNowNotice(LABEL, pending, false)).toEqual({
      done: false,
      notice: {
        severity: 'info',
        text: 'On-call schedule files runs on every replica within about a minute, each at its next heartbeat. 1 of 2 replicas still to run it.',
      },
    });
    expect(localRunNowNotice(LABEL, pending, true)).toEqual({
      done: true,
      notice: {
        severity: 'warning',
        text: expect.stringMatching(
          /^On-call schedule files has not run on every replica within 90 seconds\. 1 of 2 replicas still to run it\./,
        ),
      },
    });
  });

  it('follows runs in progress, then says how the runs of every replica ended', () => {
    const counted = (byState: Record<string, number>) => ({
      ...task,
      replicaCount: { total: 2, byState },
    });
    expect(
      localRunNowNotice(LABEL, counted({ running: 1, ok: 1 }), false),
    ).toEqual({
      done: false,
      notice: {
        severity: 'info',
        text: 'On-call schedule files is running on 1 of 2 replicas.',
      },
    });
    expect(
      localRunNowNotice(LABEL, counted({ failing: 1, ok: 1 }), false),
    ).toEqual({
      done: true,
      notice: {
        severity: 'warning',
        text: 'On-call schedule files ran on every replica and failed on 1 of 2 replicas: their states below say more.',
      },
    });
    expect(localRunNowNotice(LABEL, counted({ ok: 2 }), false)).toEqual({
      done: true,
      notice: {
        severity: 'success',
        text: 'On-call schedule files ran on every replica and succeeded.',
      },
    });
  });
});
