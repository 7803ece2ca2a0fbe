#!/usr/bin/env node
// The `parc` command: runs the CLI built by `npm install` (electron-vite build → out/main/parc.js).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const built = join(__dirname, '..', 'out', 'main', 'parc.js');
if (!existsSync(built)) {
  process.stderr.write(
    'parc: the CLI is not built yet: run "npm install" (or "npm run build") in the Parc folder.\n',
  );
  process.exit(1);
}
require(built);
