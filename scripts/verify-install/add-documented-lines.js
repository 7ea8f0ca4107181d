#!/usr/bin/env node
// Applies the README's "Installing the suite into your own Backstage" lines to a fresh create-app app:
//  - the backend block (root README) goes into packages/backend/src/index.ts, before `backend.start()`;
//  - the new-frontend-system block (root README): its imports go into packages/app/src/App.tsx and the
//    features it names are added to `createApp({ features: [...] })`;
//  - the legacy-frontend-system snippets (plugins/reliability/README.md) become files of the app, so the
//    type-check proves the package root's exports as documented.
// The lines are read from the READMEs, never retyped here: a README change is what gets verified.
// Usage: node add-documented-lines.js <repo-root> <app-dir>
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const [repoRoot, appDir] = process.argv.slice(2).map(p => path.resolve(p));

/** The first fenced code block after the first line containing `marker`. */
function codeBlockAfter(file, marker) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`${file}: no "${marker}"`);
  const match = /```[a-z]*\n([\s\S]*?)```/.exec(text.slice(at));
  if (!match) throw new Error(`${file}: no code block after "${marker}"`);
  return match[1];
}

function edit(file, transform) {
  const before = fs.readFileSync(file, 'utf8');
  const after = transform(before);
  if (after === before) throw new Error(`${file}: nothing changed`);
  fs.writeFileSync(file, after);
}

const rootReadme = path.join(repoRoot, 'README.md');
const pluginReadme = path.join(repoRoot, 'plugins/reliability/README.md');

// Backend.
const backendLines = codeBlockAfter(
  rootReadme,
  'Backend (`packages/backend/src/index.ts`)',
);
edit(path.join(appDir, 'packages/backend/src/index.ts'), src =>
  src.replace(/^backend\.start\(\);/m, `${backendLines}\nbackend.start();`),
);

// Frontend, new frontend system.
const appBlock = codeBlockAfter(
  rootReadme,
  'Frontend, **new frontend system**',
);
const imports = appBlock.split('\n').filter(l => l.startsWith('import '));
const features = /features:\s*\[([^\]]*)\]/
  .exec(appBlock)[1]
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .split(',')
  .map(s => s.trim())
  .filter(Boolean);
edit(path.join(appDir, 'packages/app/src/App.tsx'), src => {
  const present = /features:\s*\[([^\]]*)\]/
    .exec(src)[1]
    .split(',')
    .map(s => s.trim());
  const added = features.filter(f => !present.includes(f));
  const withImports = `${imports.join('\n')}\n${src}`;
  return withImports.replace(
    /features:\s*\[([^\]]*)\]/,
    (_, list) =>
      `features: [${[list.trim(), ...added].filter(Boolean).join(', ')}]`,
  );
});

// Frontend, legacy frontend system: the page route and the EntityPage snippet, type-checked as app files.
const routeSnippet = codeBlockAfter(
  pluginReadme,
  "Register the plugin's page in `App.tsx`",
);
fs.writeFileSync(
  path.join(appDir, 'packages/app/src/reliabilityLegacyRoute.tsx'),
  `import { Route } from 'react-router-dom';\n${routeSnippet}`,
);
const entityPageSnippet = codeBlockAfter(
  pluginReadme,
  'This snippet is the code of',
);
fs.writeFileSync(
  path.join(appDir, 'packages/app/src/reliabilityLegacyEntityPage.tsx'),
  `${entityPageSnippet}\nexport { entityPage };\n`,
);
console.log(
  `backend: ${
    backendLines.split('\n').filter(l => l.startsWith('backend.add')).length
  } backend.add lines; app: imports ${
    imports.length
  }, features + ${features.join(', ')}; legacy snippets: 2 files`,
);
