import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTree, measureMarkdown, REPO_ROOT, runCli } from '../helpers.js';

const FILE = 'policies/a/foranstaltninger/praktisk-paedagogisk-stoette.md';
const REGISTER = readFileSync(join(REPO_ROOT, 'policies/lovregister.json'));

function check(indhold: string): { findings: { line: number; rule: string; severity: string; message: string }[]; stdout: string; status: number | null } {
  const root = makeTree({ 'policies/lovregister.json': REGISTER, [FILE]: measureMarkdown({ sections: { Indhold: indhold } }) });
  const json = runCli(['check', '--format', 'json', FILE], root);
  const pretty = runCli(['check', FILE], root);
  return { findings: JSON.parse(json.stdout) as never, stdout: pretty.stdout, status: json.status };
}

describe('suppressing a finding in the document, with a reason', () => {
  it('a reasoned suppression on the line above removes the finding and is listed in the summary', () => {
    const result = check(
      '<!-- serviceniveau-disable-next-line pladsholder -- Ordet er navnet på kommunens TODO-projekt -->\nFamilien deltager i TODO-projektet for nye forældre.',
    );
    expect(result.findings).toEqual([]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Undtagelser (1):\n  ${FILE}:17  pladsholder  — Ordet er navnet på kommunens TODO-projekt\n`);
  });

  it('a suppression without a reason is itself an error, and suppresses nothing', () => {
    const result = check('<!-- serviceniveau-disable-next-line pladsholder -->\nFamilien deltager i TODO-projektet.');
    expect(result.findings.map((finding) => [finding.line, finding.rule, finding.message])).toEqual([
      [16, 'schema', 'Undtagelsen mangler en begrundelse'],
      [17, 'pladsholder', 'Arbejdsnoten »TODO« står stadig i teksten'],
    ]);
    expect(result.status).toBe(1);
  });

  it('a suppression that suppresses nothing is an error', () => {
    const result = check('<!-- serviceniveau-disable-next-line pladsholder -- for en sikkerheds skyld -->\nFamilien får besøg i hjemmet.');
    expect(result.findings.map((finding) => [finding.line, finding.message])).toEqual([
      [16, 'Undtagelsen for »pladsholder« undtager ingenting på linjen under'],
    ]);
  });

  it('a suppression naming an unknown rule is an error', () => {
    const result = check('<!-- serviceniveau-disable-next-line pladsholdere -- stavefejl -->\nFamilien får besøg i hjemmet.');
    expect(result.findings.map((finding) => finding.message)).toEqual([expect.stringMatching(/^Undtagelsen nævner en ukendt regel: »pladsholdere«/) as string]);
  });

  it('a suppression only covers the rule it names', () => {
    const result = check('<!-- serviceniveau-disable-next-line laesbarhed -- lang tekst -->\nFamilien deltager i TODO-projektet.');
    expect(result.findings.map((finding) => finding.rule).sort()).toEqual(['pladsholder', 'schema']);
  });
});
