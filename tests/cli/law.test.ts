import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runLaw, type LawRequest } from '../../scripts/commands/law.js';
import type { ChangedSinceReport, CompareReport, ProvisionReport } from '../../scripts/commands/law-report.js';
import { UsageError } from '../../scripts/errors.js';
import { useLawTextFolder } from '../../scripts/law/law-texts.js';
import type { Lovregister } from '../../scripts/model/generated-types.js';
import { measureMarkdown, REPO_ROOT, runCli } from '../helpers.js';

const MEASURES = 'policies/boern-og-unge/foranstaltninger';
const PRAKTISK = `${MEASURES}/praktisk-paedagogisk-stoette.md`;
const MERUDGIFTER = `${MEASURES}/merudgifter-barn-med-handicap.md`;

/** A copy of the repository's policies/ in a temporary folder, with some files replaced or added. */
function policiesCopy(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'serviceniveau-law-'));
  cpSync(join(REPO_ROOT, 'policies'), join(root, 'policies'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** The real register with `aendringer` added to the entry for BL § 86 (the register-data branch records such a change). */
function registerWithAmendments(): string {
  const register = JSON.parse(readFileSync(join(REPO_ROOT, 'policies/lovregister.json'), 'utf8')) as Lovregister;
  const entry = register.paragraffer.find((candidate) => candidate.lov === 'BL' && candidate.paragraf === '86' && candidate.stk === undefined);
  if (!entry) throw new Error('the register has no entry for BL § 86');
  entry.aendringer = [
    { i_kraft_fra: '2024-07-01', ved: 'LOV nr 1 af 01/01/2024', beskrivelse: 'En ældre ændring, før datoen.', kilde: 'https://example.org/1' },
    {
      i_kraft_fra: '2025-09-01',
      ved: 'LOV nr 746 af 20/06/2025',
      beskrivelse: 'Merudgiftsydelsen er afløst af kompensationsydelse med et standardbeløb.',
      kilde: 'https://www.retsinformation.dk/eli/lta/2025/746',
    },
  ];
  return `${JSON.stringify(register, null, 2)}\n`;
}

function json<T>(args: readonly string[], cwd: string): T {
  const result = runCli([...args, '--format', 'json'], cwd);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as T;
}

/** The JSON report, made in this process: the binary's own runs above show the plumbing, these the content. */
function lawReport<T>(request: LawRequest, cwd: string): T {
  return JSON.parse(runLaw(request, 'json', cwd).stdout) as T;
}

const TODAY = new Date().toISOString().slice(0, 10);

describe('law <henvisning>: a provision, its history and the measures citing it', () => {
  const cwd = policiesCopy({
    [`${MEASURES}/hele-paragraffen.md`]: measureMarkdown({ id: 'hele-paragraffen', sections: { Lovhjemmel: 'Barnets Lov § 32.' } }),
    [`${MEASURES}/nabonummer.md`]: measureMarkdown({ id: 'nabonummer', sections: { Lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 3.' } }),
    [`${MEASURES}/naevner-den.md`]: measureMarkdown({
      id: 'naevner-den',
      sections: { Indhold: 'Støtten gives som i Barnets Lov § 32, stk. 1, nr. 2.', Lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 8.' },
    }),
  });

  it('prints the statute wording from the act in force today, with its ELI address, and the measure citing it', () => {
    const result = runCli(['law', 'Barnets Lov § 32, stk. 1, nr. 2'], cwd);
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toContain('2) Praktisk, pædagogisk eller anden støtte i hjemmet.');
    expect(result.stdout).toContain('LBK nr 282 af 17/03/2025');
    expect(result.stdout).toContain('https://www.retsinformation.dk/eli/lta/2025/282');
    expect(result.stdout).toContain(`praktisk-paedagogisk-stoette »Praktisk pædagogisk støtte i hjemmet« (${PRAKTISK})`);
    expect(result.stdout).toContain('Barnets Lov § 32, stk. 1, nr. 2 (i Lovhjemmel)');
  });

  it('as JSON: the act, the history of every act, the register entry and the citing measures', () => {
    const report = lawReport<ProvisionReport>({ kind: 'provision', citation: 'Barnets Lov § 32, stk. 1, nr. 2', date: TODAY }, cwd);
    expect(report).toMatchObject({ citation: 'Barnets Lov § 32, stk. 1, nr. 2', law: 'BL', paragraf: '32', stk: 1, nr: 2, found: true });
    expect(report.act?.id).toBe('2025_282');
    expect(report.history.map((version) => `${version.act.id} ${version.status}`)).toEqual([
      '2023_721 added',
      '2024_83 unchanged',
      '2024_890 unchanged',
      '2025_282 unchanged',
    ]);
    expect(report.register).toEqual([expect.objectContaining({ titel: 'Praktisk, pædagogisk eller anden støtte i hjemmet', sikkerhed: 'høj' })]);
    expect(report.amendments).toEqual([]);
    const cited = Object.fromEntries(report.measures.map((measure) => [measure.id, measure.citations]));
    expect(Object.keys(cited).sort()).toEqual(['hele-paragraffen', 'naevner-den', 'praktisk-paedagogisk-stoette']);
    // The whole paragraph holds nr. 2; nr. 3 is another provision.
    expect(cited['hele-paragraffen']).toEqual([expect.objectContaining({ citation: 'Barnets Lov § 32', inLovhjemmel: true })]);
    expect(cited['naevner-den']).toEqual([expect.objectContaining({ citation: 'Barnets Lov § 32, stk. 1, nr. 2', inLovhjemmel: false })]);
    expect(report.measures.find((measure) => measure.id === 'praktisk-paedagogisk-stoette')?.file).toBe(PRAKTISK);
  });

  it('a whole paragraph is cited by the measures citing any of its parts', () => {
    const report = lawReport<ProvisionReport>({ kind: 'provision', citation: 'Barnets Lov § 32', date: TODAY }, cwd);
    expect(report.measures.map((measure) => measure.id)).toEqual(expect.arrayContaining(['praktisk-paedagogisk-stoette', 'nabonummer', 'hele-paragraffen']));
    expect(report.register.length).toBeGreaterThan(1);
  });

  it('--dato quotes the act in force on that day', () => {
    expect(json<ProvisionReport>(['law', 'Barnets Lov § 32, stk. 1, nr. 2', '--dato', '2024-02-01'], cwd)).toMatchObject({
      date: '2024-02-01',
      act: { id: '2024_83' },
      found: true,
    });
  });

  it('a provision the act does not have: exit 1 with what it has instead', () => {
    const result = runCli(['law', 'Barnets Lov § 32, stk. 1, nr. 12'], cwd);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('findes ikke: § 32, stk. 1 har nr. 1-8');
  });

  it('a citation without its law, or with an unknown law, is a usage error asking for the law', () => {
    const bare = runCli(['law', '§ 32'], cwd);
    expect(bare).toMatchObject({ status: 2, stdout: '' });
    expect(bare.stderr).toContain('nævner ikke, hvilken lov den hører til');
    expect(bare.stderr).toContain('»Barnets Lov«');
    expect(runCli(['law', 'Barneloven § 32'], cwd)).toMatchObject({ status: 2, stderr: expect.stringContaining('ukendt lov »Barneloven«') as string });
    expect(runCli(['law'], cwd).status).toBe(2);
  });

  it('a repealed paragraph says so in every act since', () => {
    const report = lawReport<ProvisionReport>({ kind: 'provision', citation: 'Barnets Lov § 66', date: TODAY }, cwd);
    expect(report).toMatchObject({ found: false, reason: '§ 66 er ophævet' });
    expect(report.history.map((version) => version.status)).toEqual(['added', 'missing', 'missing', 'missing']);
  });
});

describe('law --compare A B: the paragraphs whose text changed between two acts of a law', () => {
  const cwd = policiesCopy();

  it('LBK 890/2024 → LBK 282/2025: the paragraphs amended in between, not the unchanged ones around them', () => {
    const report = json<CompareReport>(['law', '--compare', '2024_890', '2025_282'], cwd);
    expect(report).toMatchObject({ law: 'BL', from: { id: '2024_890' }, to: { id: '2025_282' } });
    expect(report.paragraphs.map((paragraph) => paragraph.paragraf)).toEqual(['3', '20', '36', '86', '87', '104', '137', '143', '145', '194', '214']);
    expect(report.count).toEqual({ changed: 11, added: 0, removed: 0, repealed: 0, total: 11 });
    const byNumber = Object.fromEntries(report.paragraphs.map((paragraph) => [paragraph.paragraf, paragraph]));
    // LOV 1690/2024 put social stofmisbrugsbehandling in as § 3, nr. 2: one item added, not eight renumbered ones.
    expect(byNumber['3']?.changes).toContainEqual({ where: '§ 3, nr. 2', kind: 'added', added: 'Social stofmisbrugsbehandling efter § 33.' });
    expect(byNumber['86']?.changes).toEqual([
      { where: '§ 86, stk. 1', kind: 'changed', edits: [{ removed: 'den indgribende kroniske eller langvarige', added: '' }] },
    ]);
    expect(byNumber['86']?.measures.map((measure) => measure.id)).toEqual(['afloesning-og-aflastning-handicap', 'merudgifter-barn-med-handicap']);
    expect(byNumber['86']?.measures[1]).toMatchObject({ file: MERUDGIFTER });
    expect(byNumber['86']?.measures[1]?.citations).toContainEqual(expect.objectContaining({ inLovhjemmel: true, textChanged: true }));
    expect(byNumber['104']?.changes).toContainEqual(expect.objectContaining({ where: '§ 104, stk. 4', kind: 'added' }));
    expect(byNumber['32']).toBeUndefined();
  });

  it('names the acts as a person writes them, and ends with a count', () => {
    const result = runCli(['law', '--compare', 'LBK 890/2024', 'LBK nr 282 af 17/03/2025'], cwd);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Barnets Lov § 36 — ændret');
    expect(result.stdout).toContain('§ 20, stk. 2: »straffelovenv« → »straffelovens«');
    expect(result.stdout).not.toContain('Barnets Lov § 32 —');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('11 paragraffer med ændret tekst: 11 ændret, 0 tilføjet, 0 fjernet og 0 ophævet.');
  });

  it('LOV 721/2023 → LBK 83/2024: § 90 gained nr. 10 (§ 117 a), § 210 a is new and § 66 repealed', () => {
    const report = lawReport<CompareReport>({ kind: 'compare', from: '2023_721', to: '2024_83' }, cwd);
    const byNumber = Object.fromEntries(report.paragraphs.map((paragraph) => [paragraph.paragraf, paragraph]));
    expect(byNumber['90']?.changes).toEqual([
      expect.objectContaining({ where: '§ 90, nr. 10', kind: 'added', added: expect.stringMatching(/^§ 117 a om hjælp/) as string }),
    ]);
    expect(byNumber['210 a']?.kind).toBe('added');
    expect(byNumber['66']?.kind).toBe('repealed');
    expect(report.paragraphs.map((paragraph) => paragraph.paragraf).indexOf('210 a')).toBe(report.paragraphs.length - 1);
  });

  it('two different laws, or an act the tool does not have, are usage errors', () => {
    const mixed = runCli(['law', '--compare', '2024_890', '2025_155'], cwd);
    expect(mixed).toMatchObject({ status: 2, stderr: expect.stringContaining('ikke udgaver af samme lov') as string });
    const unknown = runCli(['law', '--compare', '2024_999', '2025_282'], cwd);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Ukendt lovtekst »2024_999«');
    expect(unknown.stderr).toContain('2025_282 (LBK nr 282 af 17/03/2025)');
    expect(runCli(['law', '--compare', '2024_890'], cwd).status).toBe(2);
  });
});

describe('law --changed-since DATO: the law changes after a date and the measures they touch', () => {
  const cwd = policiesCopy({ 'policies/lovregister.json': registerWithAmendments() });

  it('the paragraphs whose text changed, with the act that changed them, and the register changes after the date', () => {
    const report = json<ChangedSinceReport>(['law', '--changed-since', '2025-02-11'], cwd);
    expect(report.laws.find((law) => law.law === 'BL')).toMatchObject({ from: { id: '2024_890' }, to: { id: '2025_282' } });
    const paragraphs = report.paragraphs.map((paragraph) => `${paragraph.law} § ${paragraph.paragraf}`);
    expect(paragraphs.filter((name) => name.startsWith('BL'))).toEqual(
      ['3', '20', '36', '86', '87', '104', '137', '143', '145', '194', '214'].map((number) => `BL § ${number}`),
    );
    // By law, then paragraph: every Barnets Lov paragraph before the first one of Serviceloven.
    expect(paragraphs.findIndex((name) => name.startsWith('SEL'))).toBe(11);
    const paragraph86 = report.paragraphs.find((paragraph) => paragraph.law === 'BL' && paragraph.paragraf === '86');
    expect(paragraph86?.changedBy.id).toBe('2025_282');
    expect(paragraph86?.measures.map((measure) => measure.id)).toEqual(['afloesning-og-aflastning-handicap', 'merudgifter-barn-med-handicap']);
    expect(report.amendments).toContainEqual(
      expect.objectContaining({
        citation: 'Barnets Lov § 86',
        i_kraft_fra: '2025-09-01',
        ved: 'LOV nr 746 af 20/06/2025',
        measures: [
          expect.objectContaining({ id: 'afloesning-og-aflastning-handicap' }),
          expect.objectContaining({ id: 'merudgifter-barn-med-handicap', file: MERUDGIFTER }),
        ],
      }),
    );
  });

  it('after the newest Barnets Lov text only the register knows of the change', () => {
    const result = runCli(['law', '--changed-since', '2025-06-01'], cwd);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Barnets Lov: LBK nr 282 af 17/03/2025 (gælder fra 17. marts 2025) er stadig den nyeste tekst.');
    expect(result.stdout).not.toContain('Barnets Lov § 3 —');
    expect(result.stdout).toContain('Barnets Lov § 86 — ændret 1. september 2025 ved LOV nr 746 af 20/06/2025 (lovregistret)');
    expect(result.stdout).toContain(
      `merudgifter-barn-med-handicap »Kompensationsydelse til børn med funktionsnedsættelse (tidligere merudgifter)« (${MERUDGIFTER})`,
    );
  });

  it('the provision itself shows every register change, oldest first', () => {
    const report = lawReport<ProvisionReport>({ kind: 'provision', citation: 'Barnets Lov § 86', date: TODAY }, cwd);
    expect(report.amendments.map((amendment) => amendment.i_kraft_fra)).toEqual(['2024-07-01', '2025-09-01']);
    expect(runCli(['law', 'Barnets Lov § 86'], cwd).stdout).toContain(
      '1. september 2025, LOV nr 746 af 20/06/2025 (Barnets Lov § 86): Merudgiftsydelsen er afløst af kompensationsydelse med et standardbeløb.',
    );
  });

  it('a date that is not a date is a usage error', () => {
    expect(runCli(['law', '--changed-since', '2025-02-30'], cwd)).toMatchObject({ status: 2, stderr: expect.stringContaining('er ikke en dato') as string });
    expect(runCli(['law', 'Barnets Lov § 32', '--dato', '1. marts'], cwd).status).toBe(2);
    expect(runCli(['law', '--changed-since', '2025-02-11', '--compare', '2024_890', '2025_282'], cwd).status).toBe(2);
  });
});

describe('law on broken input', () => {
  afterEach(() => useLawTextFolder(undefined));

  it('an invalid register is a usage error, not a stack trace', () => {
    const result = runCli(['law', 'Barnets Lov § 32'], policiesCopy({ 'policies/lovregister.json': '{"love": []}' }));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Lovregistret policies/lovregister.json findes ikke eller er ugyldigt');
    expect(result.stderr).not.toMatch(/\bat \S+ \(/);
  });

  it('a broken law index stops with the reader\u2019s usage error', () => {
    const folder = mkdtempSync(join(tmpdir(), 'serviceniveau-lovtekster-'));
    mkdirSync(join(folder, 'index'));
    writeFileSync(join(folder, 'index/index.json'), '[{');
    useLawTextFolder(folder);
    expect(() => runLaw({ kind: 'compare', from: '2024_890', to: '2025_282' }, 'json', REPO_ROOT)).toThrow(UsageError);
    expect(() => runLaw({ kind: 'compare', from: '2024_890', to: '2025_282' }, 'json', REPO_ROOT)).toThrow(/ikke gyldig JSON/);
  });
});
