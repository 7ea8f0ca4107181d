#!/usr/bin/env node
// Turns the production copies made by `backstage-cli build-workspace` (the same transformation as
// `backstage-cli package prepack`: publishConfig applied, exports pointing at dist/, config.schema.json compiled)
// into npm tarballs, the way `yarn pack` would: `workspace:` ranges become the version of the local package.
// Usage: node pack-packages.js <dist-workspace-dir> <tarball-dir>
// Prints a JSON map { packageName: { tarball, role } } on stdout.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const [distWorkspace, tarballDir] = process.argv
  .slice(2)
  .map(p => path.resolve(p));
const packageDirs = ['plugins', 'packages']
  .map(d => path.join(distWorkspace, d))
  .filter(d => fs.existsSync(d))
  .flatMap(d => fs.readdirSync(d).map(name => path.join(d, name)))
  .filter(d => fs.existsSync(path.join(d, 'package.json')));

const versions = new Map(
  packageDirs.map(d => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(d, 'package.json'), 'utf8'),
    );
    return [pkg.name, pkg.version];
  }),
);

function resolveWorkspaceRange(name, range) {
  if (!range.startsWith('workspace:')) return range;
  const version = versions.get(name);
  if (!version)
    throw new Error(`${name} is a workspace dependency but was not packed`);
  const spec = range.slice('workspace:'.length);
  if (spec === '^' || spec === '~') return `${spec}${version}`;
  if (spec === '*') return version;
  return spec;
}

fs.mkdirSync(tarballDir, { recursive: true });
const tarballs = {};
for (const dir of packageDirs) {
  const pkgPath = path.join(dir, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  for (const field of [
    'dependencies',
    'peerDependencies',
    'optionalDependencies',
  ]) {
    for (const [name, range] of Object.entries(pkg[field] ?? {})) {
      pkg[field][name] = resolveWorkspaceRange(name, range);
    }
  }
  // Published packages carry no dev dependencies' workspace links and run no pack scripts.
  delete pkg.devDependencies;
  if (pkg.scripts) {
    delete pkg.scripts.prepack;
    delete pkg.scripts.postpack;
  }
  fs.writeFileSync(pkgPath, `${JSON.stringify(pkg, null, 2)}\n`);
  const out = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', tarballDir],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [{ filename }] = JSON.parse(out);
  tarballs[pkg.name] = {
    tarball: path.join(tarballDir, filename),
    role: pkg.backstage?.role,
  };
}
process.stdout.write(`${JSON.stringify(tarballs, null, 2)}\n`);
