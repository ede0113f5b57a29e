import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../scripts/rules/registry.js';
import { lineOf, makeTree, measureMarkdown, REPO_ROOT, runCli } from '../helpers.js';

const REGISTER = readFileSync(join(REPO_ROOT, 'policies/lovregister.json'));

/** A temporary repository with the real register, so measures can be checked against it. */
function policyTree(files: Record<string, string | Uint8Array>): string {
  return makeTree({ 'policies/lovregister.json': REGISTER, ...files });
}

const MEASURES = 'policies/omraade/foranstaltninger';

describe('serviceniveau check on the example kommune', () => {
  it('exits 0 with a clean summary', () => {
    const result = runCli(['check'], REPO_ROOT);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^✔ 15 dokumenter kontrolleret: ingen fejl eller advarsler\.\n$/);
    expect(result.status).toBe(0);
  });

  it('prints an empty JSON array when clean', () => {
    const result = runCli(['check', '--format', 'json'], REPO_ROOT);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('--dato checks the law as it stands on another day: in January 2024 § 90 had eleven items (LOV nr 721 af 13/06/2023)', () => {
    const root = policyTree({ [`${MEASURES}/pasning.md`]: measureMarkdown({ id: 'pasning', sections: { Lovhjemmel: 'Barnets Lov § 90, nr. 12.' } }) });
    const later = runCli(['check', '--dato', '2025-06-01', '--format', 'json'], root);
    expect(later.status).toBe(0); // only the register's low-confidence warning on nr. 12
    expect((JSON.parse(later.stdout) as { severity: string }[]).map((finding) => finding.severity)).toEqual(['warning']);
    const result = runCli(['check', '--dato', '2024-01-10', '--format', 'json'], root);
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as { rule: string; message: string }[];
    expect(findings.map(({ rule, message }) => [rule, message])).toEqual([
      ['lovhjemmel', '»Barnets Lov § 90, nr. 12« findes ikke i LOV nr 721 af 13/06/2023 — § 90 har nr. 1-11'],
    ]);
  });

  it('--dato that is not a date is a Danish usage error', () => {
    const result = runCli(['check', '--dato', '2025-02-30'], REPO_ROOT);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('serviceniveau: --dato »2025-02-30« er ikke en dato\n  → Skriv datoen som ÅÅÅÅ-MM-DD, fx --dato 2025-09-01.\n');
  });

  it('never writes to a policy file', () => {
    const fingerprint = () =>
      listFiles(join(REPO_ROOT, 'policies'))
        .map((file) => `${file}:${statSync(file).mtimeMs}:${createHash('sha256').update(readFileSync(file)).digest('hex')}`)
        .join('\n');
    const before = fingerprint();
    runCli(['check'], REPO_ROOT);
    expect(fingerprint()).toBe(before);
  });
});

describe('serviceniveau check on broken measures', () => {
  const missingFormaal = measureMarkdown({ id: 'mangler-formaal', sections: { Formål: null } });
  const misspelled = measureMarkdown({ id: 'stavefejl' }).replace('kategori:', 'katagori:');
  const duplicate = measureMarkdown({ id: 'dublet' }).replace('id: dublet', 'id: dublet\nid: dublet');
  const brokenYaml = measureMarkdown({ id: 'brudt-yaml' }).replace(
    'titel: Praktisk pædagogisk støtte i hjemmet',
    'titel: "Praktisk pædagogisk støtte i hjemmet',
  );
  const tree = () =>
    policyTree({
      [`${MEASURES}/mangler-formaal.md`]: missingFormaal,
      [`${MEASURES}/stavefejl.md`]: misspelled,
      [`${MEASURES}/dublet.md`]: duplicate,
      [`${MEASURES}/brudt-yaml.md`]: brokenYaml,
    });

  it('reports each problem with rule, severity and line in the JSON shape of SPEC', () => {
    const result = runCli(['check', '--format', 'json'], tree());
    expect(result.status).toBe(1);
    const findings = JSON.parse(result.stdout) as Record<string, unknown>[];
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'rule', 'severity', 'message']);
    }
    expect(findings).toEqual([
      {
        file: `${MEASURES}/brudt-yaml.md`,
        line: 3,
        column: 8,
        endLine: 3,
        endColumn: 45,
        rule: 'schema',
        severity: 'error',
        message: 'Et tegn mangler i frontmatter, fx et afsluttende anførselstegn eller en parentes',
      },
      {
        file: `${MEASURES}/dublet.md`,
        line: 3,
        column: 1,
        endLine: 3,
        endColumn: 3,
        rule: 'schema',
        severity: 'error',
        message: 'Feltet »id« står to gange i frontmatter',
      },
      {
        file: `${MEASURES}/mangler-formaal.md`,
        line: 8,
        column: 1,
        endLine: 8,
        endColumn: 4,
        rule: 'schema',
        severity: 'error',
        message: 'Afsnittet »Formål« mangler',
      },
      {
        file: `${MEASURES}/stavefejl.md`,
        line: lineOf(misspelled, 'katagori'),
        column: 1,
        endLine: lineOf(misspelled, 'katagori'),
        endColumn: 9,
        rule: 'schema',
        severity: 'error',
        message: 'Ukendt felt »katagori« i frontmatter',
      },
    ]);
  });

  it('groups the pretty output by file with position, severity, message, rule and hint, and ends with a count', () => {
    const result = runCli(['check'], tree());
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      `${MEASURES}/stavefejl.md\n  4:1     fejl     Ukendt felt »katagori« i frontmatter  schema\n                   → Mente du »kategori«?\n`,
    );
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('✖ 5 dokumenter kontrolleret: 4 fejl og 0 advarsler i 4 filer.');
  });

  it('writes GitHub annotations through @actions/core, with escaped text and columns only on one line', () => {
    const result = runCli(['check', '--format', 'github'], tree());
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      `::error title=serviceniveau%3A schema,file=${MEASURES}/brudt-yaml.md,line=3,endLine=3,col=8,endColumn=45::Et tegn mangler i frontmatter, fx et afsluttende anførselstegn eller en parentes%0ATjek at anførselstegn og parenteser er lukket på samme linje.`,
    );
    expect(lines[1]).toMatch(
      /^::error title=serviceniveau%3A schema,file=[^,]+\/dublet\.md,line=3,endLine=3,col=1,endColumn=3::Feltet »id« står to gange i frontmatter%0A/,
    );
    expect(result.status).toBe(1);
  });

  it('exits 0 when there are only warnings', () => {
    const root = policyTree({
      [`${MEASURES}/praktisk-paedagogisk-stoette.md`]: measureMarkdown().replace('## Lovhjemmel', '## Økonomi\n\nTakst efter aftale.\n\n## Lovhjemmel'),
    });
    const result = runCli(['check'], root);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('advarsel Ukendt overskrift »Økonomi«; afsnittet bliver ikke læst  schema');
    expect(result.stdout).toContain('⚠ 2 dokumenter kontrolleret: 0 fejl og 1 advarsel i 1 fil.');
  });

  it('reports a measure that exists both as .md and as .json', () => {
    const json = JSON.stringify({ id: 'dobbelt', titel: 'x' });
    const root = policyTree({ [`${MEASURES}/dobbelt.md`]: measureMarkdown({ id: 'dobbelt' }), [`${MEASURES}/dobbelt.json`]: json });
    const result = runCli(['check', '--format', 'json'], root);
    const messages = (JSON.parse(result.stdout) as { file: string; message: string }[]).map((finding) => `${finding.file}: ${finding.message}`);
    expect(messages).toContain(`${MEASURES}/dobbelt.md: Foranstaltningen »dobbelt« findes også i »${MEASURES}/dobbelt.json«`);
  });
});

describe('serviceniveau check on bad input', () => {
  it('a path that does not exist is a usage error (exit 2) with a Danish message and no stack trace', () => {
    const result = runCli(['check', 'policies/findes-ikke'], policyTree({ 'policies/a/foranstaltninger/x.md': measureMarkdown({ id: 'x' }) }));
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'serviceniveau: Stien »policies/findes-ikke« findes ikke\n  → Angiv en fil eller mappe under policies/, eller kør uden stier for at kontrollere hele policies/.\n',
    );
  });

  it('a folder where a measure file is expected is an error finding', () => {
    const root = policyTree({ 'policies/a/foranstaltninger/ok.md': measureMarkdown({ id: 'ok' }) });
    mkdirSync(join(root, 'policies/a/foranstaltninger/mappe.md'));
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ file: 'policies/a/foranstaltninger/mappe.md', message: '»mappe.md« er en mappe, men her forventes en fil' }),
    ]);
  });

  it('binary, non-UTF-8 and empty files are findings, not crashes', () => {
    const root = policyTree({
      'policies/a/foranstaltninger/binaer.md': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]),
      'policies/a/foranstaltninger/latin1.md': Buffer.from('---\nid: latin1\ntitel: Pleje i hjemmet for b\xf8rn\n---\n', 'latin1'),
      'policies/a/foranstaltninger/tom.json': '',
    });
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('');
    expect((JSON.parse(result.stdout) as { message: string }[]).map((finding) => finding.message)).toEqual([
      'Filen er en binær fil, ikke tekst',
      'Filen er ikke gemt som UTF-8',
      'Filen er tom',
    ]);
  });

  it('an unknown format and an unknown option are usage errors', () => {
    const root = policyTree({ 'policies/a/foranstaltninger/x.md': measureMarkdown({ id: 'x' }) });
    expect(runCli(['check', '--format', 'xml'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('Ukendt format »xml«') as string });
    expect(runCli(['check', '--strict'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('Ukendt eller ufuldstændigt valg') as string });
    expect(runCli(['tjek'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('Ukendt kommando »tjek«') as string });
  });

  it('--help after a command shows the usage with its options, exit 0', () => {
    for (const command of ['check', 'changelog']) {
      const result = runCli([command, '--help'], REPO_ROOT);
      expect(result).toMatchObject({ status: 0, stderr: '' });
      expect(result.stdout).toContain('--changed-since REF');
    }
  });

  it('a broken config file stops the run with exit 2 and says where', () => {
    const root = policyTree({
      'policies/a/foranstaltninger/x.md': measureMarkdown({ id: 'x' }),
      'serviceniveau.config.json': '{ "rules": { "schema": "fejl" } }',
    });
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ file: 'serviceniveau.config.json', line: 1, column: 24, message: 'Feltet »rules.schema« har ikke en gyldig form' }),
    ]);
  });

  it('--config pointing at a missing file or at a folder is a usage error', () => {
    const root = policyTree({ 'policies/a/foranstaltninger/x.md': measureMarkdown({ id: 'x' }) });
    expect(runCli(['check', '--config', 'mangler.json'], root)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('Konfigurationsfilen »mangler.json« findes ikke') as string,
    });
    expect(runCli(['check', '--config', 'policies'], root)).toMatchObject({ status: 2, stderr: expect.stringContaining('»policies« er en mappe') as string });
  });

  it('a config pattern that could backtrack without end stops the run before any rule runs it', () => {
    const root = policyTree({
      'policies/a/foranstaltninger/x.md': measureMarkdown({ id: 'x', sections: { Formål: `${'a'.repeat(40)}!` } }),
      'serviceniveau.config.json': JSON.stringify(
        { rules: { 'individuel-vurdering': { options: { negations: ['(a+)+$'] } }, pladsholder: { options: { patterns: ['TODO\\s*\\s*:'] } } } },
        null,
        2,
      ),
    });
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.status).toBe(2);
    const findings = JSON.parse(result.stdout) as { line: number; message: string }[];
    expect(findings.map((finding) => [finding.line, finding.message])).toEqual([
      [
        6,
        '»(a+)+$« er et farligt regulært udtryk: »a+« gentages inde i »(a+)+«, så udtrykket kan bruge eksponentielt lang tid på en lang sætning og få kontrollen til at hænge',
      ],
      [
        13,
        '»TODO\\s*\\s*:« er et farligt regulært udtryk: »\\s*« og »\\s*« kan matche den samme tekst, så udtrykket kan bruge polynomielt lang tid på en lang sætning og få kontrollen til at hænge',
      ],
    ]);
    expect(runCli(['check'], root).stdout).toContain('»\\w+(?:\\s\\w+)*«');
  });

  it('accepts the default patterns of every rule and ordinary ones written in their style', () => {
    const options = Object.fromEntries(
      RULES.map((rule) => [
        rule.id,
        { options: Object.fromEntries(Object.entries(rule.defaultOptions).filter(([key]) => ['phrases', 'negations'].includes(key))) },
      ]),
    );
    options['pladsholder'] = { options: { patterns: ['\\bTODO\\b', '\\[[^\\]]{1,80}\\]', '\\s+$'] } };
    options['skoen-under-regel'] = { options: { absolutes: ['kun.*særlige', 'ikke .* bevilges'], qualifiers: ['\\bi (?:nogle|visse) tilfælde\\b'] } };
    const root = policyTree({
      'policies/a/foranstaltninger/x.md': measureMarkdown({ id: 'x' }),
      'serviceniveau.config.json': JSON.stringify({ rules: options }),
    });
    expect(runCli(['check', '--format', 'json'], root).status).not.toBe(2);
  });

  it('the config can soften schema errors to warnings', () => {
    const root = policyTree({
      'policies/a/foranstaltninger/x.md': measureMarkdown({ id: 'x', sections: { Tildeling: null } }),
      'serviceniveau.config.json': '{ "rules": { "schema": "warning" } }',
    });
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ severity: 'warning', message: 'Afsnittet »Tildeling« mangler' })]);
  });
});

describe('the config acts on rule and schema findings only', () => {
  const schemaOff = '{ "rules": { "schema": "off" } }';

  it('"schema": "off" does not silence a binary file in foranstaltninger/: exit 1 with a finding', () => {
    const root = policyTree({
      [`${MEASURES}/billede.md`]: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      'serviceniveau.config.json': schemaOff,
    });
    const result = runCli(['check', '--format', 'json'], root);
    expect(JSON.parse(result.stdout)).toEqual([
      expect.objectContaining({ file: `${MEASURES}/billede.md`, rule: 'schema', severity: 'error', message: 'Filen er en binær fil, ikke tekst' }),
    ]);
    expect(result.status).toBe(1);
  });

  it('"schema": "off" does not silence a suppression without a reason, nor a measure id given twice', () => {
    const unreasoned = measureMarkdown({
      id: 'x',
      sections: { Indhold: '<!-- serviceniveau-disable-next-line pladsholder -->\nFamilien får besøg i hjemmet.' },
    });
    const root = policyTree({
      [`${MEASURES}/x.md`]: unreasoned,
      [`${MEASURES}/y.md`]: measureMarkdown({ id: 'y' }),
      [`${MEASURES}/y.json`]: JSON.stringify({ id: 'y' }),
      'serviceniveau.config.json': schemaOff,
    });
    const result = runCli(['check', '--format', 'json'], root);
    const messages = (JSON.parse(result.stdout) as { message: string }[]).map((finding) => finding.message);
    expect(messages).toContain('Undtagelsen mangler en begrundelse');
    expect(messages).toContain(`Foranstaltningen »y« findes også i »${MEASURES}/y.json«`);
    expect(result.status).toBe(1);
  });

  it('a suppression comment cannot hide a file the loader could not read either', () => {
    const text = measureMarkdown({ id: 'x' }).replace('## Formål', '<!-- serviceniveau-disable-next-line schema -- overskriften er med vilje -->\n## Formålet');
    const result = runCli(['check', '--format', 'json'], policyTree({ [`${MEASURES}/x.md`]: text }));
    expect((JSON.parse(result.stdout) as { message: string }[]).map((finding) => finding.message)).toContain(
      'Ukendt overskrift »Formålet«; afsnittet bliver ikke læst',
    );
  });
});

describe('every check output goes through one report', () => {
  it('an unknown --format is exit 2 also with --changed-since, before git is asked', () => {
    const root = policyTree({ [`${MEASURES}/x.md`]: measureMarkdown({ id: 'x' }) });
    const result = runCli(['check', '--changed-since', 'HEAD', '--format', 'bogus'], root);
    expect(result).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('Ukendt format »bogus«') as string });
  });
});

function listFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(folder, entry.name)) : [join(folder, entry.name)]))
    .sort();
}

describe('serviceniveau check on content rules', () => {
  it('reports a repealed citation and an absolute limit with rule, severity and exact positions', () => {
    const measure = measureMarkdown({
      id: 'aflastning',
      sections: {
        'Omfang og varighed': 'Der gives højst 2 døgn om måneden.',
        Lovhjemmel: 'Serviceloven § 52, stk. 3, nr. 5.',
      },
    });
    const root = policyTree({ [`${MEASURES}/aflastning.md`]: measure });
    const result = runCli(['check', '--format', 'json'], root);
    expect(result.status).toBe(1);
    const omfang = lineOf(measure, 'Der gives højst');
    const lovhjemmel = lineOf(measure, 'Serviceloven §');
    expect(JSON.parse(result.stdout)).toEqual([
      {
        file: `${MEASURES}/aflastning.md`,
        line: omfang,
        column: 11,
        endLine: omfang,
        endColumn: 23,
        rule: 'skoen-under-regel',
        severity: 'warning',
        message: 'Absolut formulering »højst 2 døgn« kan sætte skønnet under regel',
      },
      {
        file: `${MEASURES}/aflastning.md`,
        line: lovhjemmel,
        column: 1,
        endLine: lovhjemmel,
        endColumn: 33,
        rule: 'lovhjemmel',
        severity: 'error',
        message: expect.stringMatching(
          /^Lovhjemmel »Serviceloven § 52, stk\. 3, nr\. 5« er ophævet pr\. 1\. januar 2024 — brug »Barnets Lov § 32, stk\. 1, nr\. 7«/,
        ) as string,
      },
    ]);
    const pretty = runCli(['check'], root);
    expect(pretty.stdout.trimEnd().split('\n').at(-1)).toBe('Om reglerne: docs/rules/lovhjemmel.md, docs/rules/skoen-under-regel.md');
  });
});
