#!/usr/bin/env node
// Makes a fresh create-app app depend on the packed tarballs, as an adopter installing them would:
//  - the app's root `resolutions` get this repo's (pins for the registry mirror's gaps, see README) and every
//    packed package mapped to its tarball (the packages are private, so they install by file path);
//  - frontend plugins become dependencies of packages/app, backend plugins and modules of packages/backend.
// Usage: node wire-tarballs.js <repo-root> <app-dir> <tarballs.json>
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [repoRoot, appDir, tarballsFile] = process.argv
  .slice(2)
  .map(p => path.resolve(p));
const tarballs = JSON.parse(fs.readFileSync(tarballsFile, 'utf8'));
const readJson = f => JSON.parse(fs.readFileSync(f, 'utf8'));
const writeJson = (f, v) =>
  fs.writeFileSync(f, `${JSON.stringify(v, null, 2)}\n`);

const rootPkgPath = path.join(appDir, 'package.json');
const rootPkg = readJson(rootPkgPath);
rootPkg.resolutions = {
  ...rootPkg.resolutions,
  ...readJson(path.join(repoRoot, 'package.json')).resolutions,
};
for (const [name, { tarball }] of Object.entries(tarballs)) {
  rootPkg.resolutions[name] = `file:${tarball}`;
}
writeJson(rootPkgPath, rootPkg);

const targets = {
  'frontend-plugin': 'packages/app',
  'backend-plugin': 'packages/backend',
  'backend-plugin-module': 'packages/backend',
};
for (const [name, { tarball, role }] of Object.entries(tarballs)) {
  const target = targets[role];
  if (!target) continue; // libraries arrive as dependencies of the plugins
  const pkgPath = path.join(appDir, target, 'package.json');
  const pkg = readJson(pkgPath);
  pkg.dependencies = { ...pkg.dependencies, [name]: `file:${tarball}` };
  writeJson(pkgPath, pkg);
  console.log(`${target}: ${name}`);
}
