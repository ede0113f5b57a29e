#!/usr/bin/env node
// The `serviceniveau` command. The TypeScript in scripts/ is compiled to dist/ by `npm ci` (the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/scripts/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('serviceniveau: værktøjet er ikke bygget endnu.\n  → Kør »npm ci« (eller »npm run build«) i repositoriets rod.\n');
  process.exit(2);
}
// A reader that stops early (`serviceniveau check | head`) closes the pipe; that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
