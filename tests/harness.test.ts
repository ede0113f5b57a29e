import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './helpers.js';

function sourcesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? sourcesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the test run itself', () => {
  it('spawns a binary built from the sources as they are now, not an old dist/', () => {
    const stale = sourcesUnder(join(REPO_ROOT, 'scripts')).filter((source) => {
      const compiled = join(REPO_ROOT, 'dist', relative(REPO_ROOT, source)).replace(/\.ts$/, '.js');
      return statSync(compiled, { throwIfNoEntry: false })?.mtimeMs === undefined || statSync(compiled).mtimeMs < statSync(source).mtimeMs;
    });
    expect(stale).toEqual([]);
  });

  it('writes its temporary folders into one folder of its own, which is removed when the run ends', () => {
    expect(basename(tmpdir())).toMatch(/^serviceniveau-tests-/);
  });
});
