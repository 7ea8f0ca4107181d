import fs from 'node:fs';
import path from 'node:path';
import { parseOpenSloYaml } from '../parseOpenSloYaml';

const dir = path.resolve(__dirname, '../../../../../examples/reliability/slo');

describe('demo OpenSLO files', () => {
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.yaml'));

  it('exist for the demo catalog', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s is valid OpenSLO', file => {
    const { slos, errors } = parseOpenSloYaml(
      fs.readFileSync(path.join(dir, file), 'utf8'),
    );
    expect(errors).toEqual([]);
    expect(slos.length).toBeGreaterThan(0);
    for (const slo of slos) {
      expect(slo.alertPolicies.length).toBeGreaterThan(0);
    }
  });
});
