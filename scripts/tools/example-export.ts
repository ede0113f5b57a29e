import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { EXAMPLE_CONFIG, exampleExport } from '../followup/example-export.js';
import { refuseInsideRepository } from '../followup/outside-repository.js';

// `npm run eksempeldata -- <fil.csv> [--rows N]`: writes Eksempel Kommune's synthetic export of allocations (fixed
// seed, Windows-1252 `;` CSV as Excel writes it) outside the repository, and prints the config snippet that reads it.

function main(argv: readonly string[]): void {
  let file: string | undefined;
  let rows = 400;
  for (let at = 0; at < argv.length; at++) {
    const argument = argv[at]!;
    if (argument === '--rows') {
      rows = Number(argv[++at]);
      if (!Number.isInteger(rows) || rows < 1 || rows > 2_000_000)
        throw new UsageError('--rows skal være et helt tal fra 1 til 2.000.000', 'Fx --rows 100000.');
    } else if (argument.startsWith('-')) throw new UsageError(`Ukendt tilvalg »${argument}«`, 'Brug: npm run eksempeldata -- <fil.csv> [--rows N]');
    else if (file === undefined) file = argument;
    else throw new UsageError('Angiv kun én fil', 'Brug: npm run eksempeldata -- <fil.csv> [--rows N]');
  }
  if (!file) throw new UsageError('Angiv filen, eksporten skal skrives til', 'Brug: npm run eksempeldata -- <fil.csv> [--rows N], fx /tmp/bevillinger.csv');
  // npm runs scripts in the package folder; INIT_CWD is where the user typed the command.
  const cwd = process.env['INIT_CWD'] ?? process.cwd();
  refuseInsideRepository(file, cwd, 'skrevet');
  writeFileSync(resolve(cwd, file), exampleExport(rows));
  process.stderr.write(`Skrev ${rows.toLocaleString('da-DK')} bevillinger til ${file}. Læs dem med dette i serviceniveau.config.json:\n`);
  process.stdout.write(`${JSON.stringify({ opfoelgning: EXAMPLE_CONFIG }, null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`Fejl: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
  process.exitCode = 2;
}
