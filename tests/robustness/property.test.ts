import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLI_TREE } from '../../scripts/tools/fuzz/arbitraries.js';
import { cliOutcomeProblems, PROPERTIES } from '../../scripts/tools/fuzz/properties.js';
import { makeTree, runCli } from '../helpers.js';

// The same properties as `npm run fuzz` (scripts/tools/fuzz.ts), with few enough cases for every `npm test`.
// A failure prints fast-check's seed and path: replay it with FUZZ_SEED, or paste them into `{ seed, path }` below.

/** Cases per test run, shared by the properties by their share; the fuzz script runs 100,000. */
const RUNS = 2500;
const CLI_RUNS = 5;

describe('the tools never throw on text from a pull request, and every finding points inside the file', () => {
  for (const { claim, share, property } of PROPERTIES) {
    it(claim, () => {
      fc.assert(property, { numRuns: Math.max(1, Math.round(RUNS * share)) });
    });
  }
});

describe('serviceniveau check on random policy trees', () => {
  it('always exits 0, 1 or 2, with no stack trace or internal error on stderr', () => {
    fc.assert(
      fc.property(CLI_TREE, ({ files, format }) => {
        const result = runCli(['check', '--format', format], makeTree(files));
        expect(cliOutcomeProblems(result, format)).toEqual([]);
      }),
      { numRuns: CLI_RUNS },
    );
  }, 60_000);
});
