import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRound } from '../../scripts/revision/build-round.js';
import { renderChangelogHtml } from '../../scripts/revision/render-html.js';
import { renderChangelogMarkdown } from '../../scripts/revision/render-markdown.js';
import { measureMarkdown, runCli } from '../helpers.js';
import { frameText, git, makeRepository } from '../revision/git-fixtures.js';

const AREA = 'policies/boern-og-unge';
const measurePath = (id: string): string => `${AREA}/foranstaltninger/${id}.md`;

/** A measure of its own: wording that differs in every section, so git's rename detection pairs only the one that is renamed. */
function measure(id: string, titel: string, hours: number): string {
  const own = (text: string): string => `${titel}: ${text}`;
  return measureMarkdown({
    id,
    sections: {
      Formål: own('at styrke barnets trivsel og udvikling i hverdagen.'),
      Indhold: own('en fast medarbejder arbejder sammen med familien om konkrete mål.'),
      'Målgruppe og tildelingskriterier': own('børn og unge 0-17 år. Der foretages altid en konkret og individuel vurdering af barnets behov.'),
      'Omfang og varighed': own(`som udgangspunkt ${hours} timer om ugen i op til 6 måneder.`),
      Tildeling: own('sagsbehandleren træffer afgørelse efter en børnefaglig undersøgelse.'),
      'Levering af ydelsen': own('kommunens familiehus leverer ydelsen.'),
      'Kvalitetskrav til leverandør': own('leverandøren sender en statusrapport hver 3. måned.'),
    },
  }).replace('Praktisk pædagogisk støtte i hjemmet', titel);
}

const TITLES = ['Familiebehandling', 'Mentor til unge', 'Aflastning', 'Kontaktperson', 'Netværksanbringelse', 'Praktisk støtte', 'Døgnophold'];
const IDS = TITLES.map((_, index) => `indsats-${index + 1}`);

/** A long text of its own, so the added measure is not mistaken for a rename of the removed one. */
const EFTERVAERN = Array.from(
  { length: 12 },
  (_, index) => `Efterværnet for unge ${18 + (index % 5)} år omfatter kontakt nr. ${index + 1} med en fast voksen, hjælp til bolig, uddannelse og økonomi.`,
).join(' ');

/** An adopted version of seven measures, then a round: one cut, one removed, one renamed, one added, the frame re-dated. */
function sevenMeasureRound(): string {
  const adopted = Object.fromEntries(IDS.map((id, index) => [measurePath(id), measure(id, TITLES[index]!, 10 + index)]));
  return makeRepository([
    { files: { [`${AREA}/serviceniveau.md`]: frameText(), ...adopted }, tag: 'vedtaget/2025-02-11' },
    {
      files: {
        [`${AREA}/serviceniveau.md`]: frameText().replace(/gyldig_fra: \S+/, 'gyldig_fra: 2026-03-01'),
        [measurePath('indsats-1')]: measure('indsats-1', TITLES[0]!, 8),
        [measurePath('indsats-2')]: null,
        [measurePath('indsats-3')]: null,
        [measurePath('indsats-3-ny')]: measure('indsats-3-ny', TITLES[2]!, 12),
        [measurePath('indsats-8')]: measure('indsats-8', 'Efterværn', 5).replace('## Indhold\n\n', `## Indhold\n\n${EFTERVAERN}\n\n`),
      },
    },
  ]);
}

describe('changelog reads what the round touched', () => {
  it('json, md and html read only the changed measures and come out exactly as from reading everything', async () => {
    const cwd = sevenMeasureRound();
    const [touched, all] = [await buildRound({ cwd, to: 'HEAD', reads: 'touched' }), await buildRound({ cwd, to: 'HEAD', reads: 'all' })];
    // indsats-4 … 7 are untouched: the touched read does not parse them.
    expect(touched.after.measures.map((data) => data.id).sort()).toEqual(['indsats-1', 'indsats-3-ny', 'indsats-8']);
    expect(all.after.measures).toHaveLength(7);
    expect(touched.changelog).toEqual(all.changelog);
    expect(touched.changelog.changes.map((change) => [change.id, change.kind])).toEqual(
      expect.arrayContaining([
        ['indsats-1', 'changed'],
        ['indsats-2', 'removed'],
        ['indsats-3-ny', 'renamed'],
        ['indsats-8', 'added'],
        ['serviceniveau', 'changed'],
      ]),
    );
    expect(renderChangelogMarkdown(touched)).toBe(renderChangelogMarkdown(all));
    expect(renderChangelogHtml(touched)).toBe(renderChangelogHtml(all));
  });

  it('up to the working tree, an edited file and a new untracked one are read, the rest not', async () => {
    const cwd = sevenMeasureRound();
    git(cwd, 'reset', '-q', '--hard', 'vedtaget/2025-02-11');
    writeFileSync(join(cwd, measurePath('indsats-5')), measure('indsats-5', TITLES[4]!, 4));
    writeFileSync(join(cwd, measurePath('indsats-9')), measure('indsats-9', 'Ungestøtte', 3));
    const round = await buildRound({ cwd, reads: 'touched' });
    expect(round.after.measures.map((data) => data.id).sort()).toEqual(['indsats-5', 'indsats-9']);
    expect(round.changelog).toEqual((await buildRound({ cwd, reads: 'all' })).changelog);
  });
});

describe('changelog --format md,html,docx --out-dir', () => {
  it('writes every format from one run, each as the single-format command writes it', () => {
    const cwd = sevenMeasureRound();
    const result = runCli(['changelog', '--to', 'HEAD', '--format', 'json,md,html,docx', '--max-bytes', '1500', '--out-dir', 'udvalg'], cwd);
    expect(result).toMatchObject({ status: 0, stdout: '' });
    expect(result.stderr.match(/^Skrev /gm)).toHaveLength(5);
    expect(readdirSync(join(cwd, 'udvalg')).sort()).toEqual(['aendringer.docx', 'aendringer.html', 'aendringer.json', 'aendringer.md', 'kommentar.md']);
    const file = (name: string): string => readFileSync(join(cwd, 'udvalg', name), 'utf8');
    expect(file('aendringer.json')).toBe(runCli(['changelog', '--to', 'HEAD'], cwd).stdout);
    expect(file('aendringer.md')).toBe(runCli(['changelog', '--to', 'HEAD', '--format', 'md'], cwd).stdout);
    expect(file('aendringer.html')).toBe(runCli(['changelog', '--to', 'HEAD', '--format', 'html'], cwd).stdout);
    expect(file('kommentar.md')).toBe(runCli(['changelog', '--to', 'HEAD', '--format', 'md', '--max-bytes', '1500'], cwd).stdout);
    expect(Buffer.byteLength(file('kommentar.md'))).toBeLessThanOrEqual(1500);
    expect(file('aendringer.md').length).toBeGreaterThan(1500);
    expect(
      readFileSync(join(cwd, 'udvalg', 'aendringer.docx'))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it('render writes html and docx from one read', () => {
    const cwd = sevenMeasureRound();
    const result = runCli(['render', '--ref', 'HEAD', '--format', 'html,docx', '--out-dir', 'pakke'], cwd);
    expect(result.status).toBe(0);
    expect(readdirSync(join(cwd, 'pakke')).sort()).toEqual(['serviceniveau.docx', 'serviceniveau.html']);
    expect(readFileSync(join(cwd, 'pakke', 'serviceniveau.html'), 'utf8')).toBe(runCli(['render', '--ref', 'HEAD'], cwd).stdout);
    rmSync(join(cwd, 'pakke'), { recursive: true });
  });

  it.each([
    [['changelog', '--format', 'md,html'], /Flere formater skal skrives til en mappe[\s\S]*--out-dir/],
    [['changelog', '--format', 'md,pdf', '--out-dir', 'ud'], /Ukendt format »pdf«[\s\S]*json, md, html, docx/],
    [['changelog', '--format', 'md', '--out', 'a.md', '--out-dir', 'ud'], /Brug enten --out eller --out-dir/],
    [['changelog', '--format', 'md', '--out-dir', 'policies'], /ligger i policies\//],
    [['render', '--format', 'html,docx'], /Flere formater skal skrives til en mappe/],
  ])('%j is a Danish usage error', (args, message) => {
    const cwd = sevenMeasureRound();
    const result = runCli(args, cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/intern fejl|at .*\.js/);
  });
});
