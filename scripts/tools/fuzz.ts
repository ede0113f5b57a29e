import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { CLI_PROPERTY, PROPERTIES, removeFuzzFiles } from './fuzz/properties.js';

// `npm run fuzz`: the robustness properties of tests/robustness/property.test.ts with far more cases.
// FUZZ_RUNS (default 100000) cases are shared among the in-process properties, FUZZ_CLI_RUNS (default 50)
// run the real binary; FUZZ_SEED replays a run. Exits 1 when a property fails.

function main(): void {
  const runs = Number(process.env['FUZZ_RUNS'] ?? 100_000);
  const cliRuns = Number(process.env['FUZZ_CLI_RUNS'] ?? 50);
  const seed = process.env['FUZZ_SEED'] !== undefined ? Number(process.env['FUZZ_SEED']) : Math.floor(Math.random() * 2 ** 31);
  console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed}); ${runs} in-process cases, ${cliRuns} CLI runs`);
  const cli = CLI_PROPERTY;
  let failures = 0;
  let total = 0;
  for (const entry of [...PROPERTIES, cli]) {
    const numRuns = entry === cli ? cliRuns : Math.max(1, Math.round(runs * entry.share));
    const started = process.hrtime.bigint();
    const details = fc.check(entry.property, { numRuns, seed });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    total += details.numRuns;
    console.log(`${details.failed ? '✖' : '✔'} ${details.numRuns} cases in ${seconds.toFixed(1)} s: ${entry.claim}`);
    if (details.failed) {
      failures++;
      const counterexample = JSON.stringify(details.counterexample, (_, value: unknown) =>
        value instanceof Uint8Array ? `bytes:${Buffer.from(value).toString('hex')}` : value,
      );
      console.log(
        `  counterexample (after ${details.numShrinks} shrinks): ${counterexample.length > 2000 ? `${counterexample.slice(0, 2000)}…` : counterexample}`,
      );
      console.log(`  error: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}`);
      console.log(
        `  replay: FUZZ_SEED=${details.seed} FUZZ_RUNS=${runs} FUZZ_CLI_RUNS=${cliRuns} npm run fuzz (fast-check path ${details.counterexamplePath ?? '-'})`,
      );
    }
  }
  removeFuzzFiles();
  console.log(`fuzz: ${total} cases, ${failures} failing ${failures === 1 ? 'property' : 'properties'}, seed ${seed}`);
  process.exitCode = failures > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) main();
