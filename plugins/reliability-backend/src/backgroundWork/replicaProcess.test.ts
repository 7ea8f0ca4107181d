import { hostname } from 'node:os';
import { replicaProcess, thisReplicaProcess } from './replicaProcess';

describe('replicaProcess', () => {
  it('gives two processes on one host, even with the same pid, different ids', () => {
    const a = replicaProcess('backstage-0', 1);
    const b = replicaProcess('backstage-0', 1);
    expect(a).toEqual({
      id: expect.stringMatching(/^backstage-0:1:[0-9a-f]{8}$/),
      host: 'backstage-0',
      pid: 1,
    });
    expect(b.id).not.toBe(a.id);
  });

  it('keeps the id within the key column for the longest host names', () => {
    expect(replicaProcess('h'.repeat(253), 4_194_304).id.length).toBeLessThan(
      256,
    );
  });

  it('names this process by its host and pid, the same for every caller', () => {
    expect(thisReplicaProcess()).toMatchObject({
      host: hostname(),
      pid: process.pid,
    });
    expect(thisReplicaProcess()).toBe(thisReplicaProcess());
  });
});
