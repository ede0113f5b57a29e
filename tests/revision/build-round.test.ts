import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildRound } from '../../scripts/revision/build-round.js';
import { renderChangelogDocx } from '../../scripts/revision/render-docx.js';
import { renderChangelogHtml } from '../../scripts/revision/render-html.js';
import type { FieldChange } from '../../scripts/revision/model.js';
import { lineOf, measureMarkdown, runCli } from '../helpers.js';
import { frameText, git, makeRepository, writeFiles } from './git-fixtures.js';

const AREA = 'policies/boern-og-unge';
const MEASURE = `${AREA}/foranstaltninger/praktisk-paedagogisk-stoette.md`;

const baseMeasure = measureMarkdown();

/** A measure with nothing in common with the base measure, so no rename detection can pair them. */
const MENTOR = measureMarkdown({
  id: 'mentorordning',
  sections: {
    Formål: 'At give den unge en fast voksen at støtte sig til i skole og fritid.',
    Indhold: 'En frivillig mentor mødes med den unge hver uge til en gåtur, lektiehjælp eller en snak.',
    'Målgruppe og tildelingskriterier': 'Unge 14-17 år uden et stabilt netværk. Der foretages altid en konkret og individuel vurdering af den unges behov.',
    'Omfang og varighed': 'Som udgangspunkt 2 timer om ugen i et år.',
    Tildeling: 'Ungeteamet bevilger ordningen.',
    'Levering af ydelsen': 'Mentorkorpset under Fritid og Kultur.',
    'Kvalitetskrav til leverandør': 'Mentorerne får supervision hver måned.',
    Lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 3.',
  },
}).replace('Praktisk pædagogisk støtte i hjemmet', 'Mentor til unge');

/** A repository with an adopted version, then a proposal commit changing the measure with `edit`. */
function roundWith(edit: (text: string) => string) {
  return makeRepository([
    { files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: baseMeasure }, tag: 'vedtaget/2025-02-11' },
    { files: { [MEASURE]: edit(baseMeasure) } },
  ]);
}

async function fieldsOf(edit: (text: string) => string): Promise<FieldChange[]> {
  const round = await buildRound({ cwd: roundWith(edit), to: 'HEAD' });
  return round.changelog.changes.flatMap((change) => change.fields);
}

describe('classifying the changes of a revision round', () => {
  it('a reduction in scope is material, omfang-reduceret, with the numbers pulled out', async () => {
    const fields = await fieldsOf((text) => text.replace('Som udgangspunkt 3-5 timer om ugen', 'Som udgangspunkt 2-4 timer om ugen'));
    expect(fields).toEqual([
      expect.objectContaining({
        field: 'omfang',
        class: 'material',
        change: 'omfang-reduceret',
        note: '3-5 timer → 2-4 timer (nedre grænse −33 %, øvre −20 %)',
      }),
    ]);
  });

  it('a range states both ends, also when one is unchanged', async () => {
    const fields = await fieldsOf((text) => text.replace('3-5 timer om ugen', '3-4 timer om ugen'));
    expect(fields).toEqual([
      expect.objectContaining({ change: 'omfang-reduceret', class: 'material', note: '3-5 timer → 3-4 timer (nedre grænse uændret, øvre −20 %)' }),
    ]);
  });

  it('a range written with an en dash is read as a range, the same as with a hyphen', async () => {
    expect(await fieldsOf((text) => text.replace('3-5 timer om ugen', '2–4 timer om ugen'))).toEqual([
      expect.objectContaining({ change: 'omfang-reduceret', class: 'material', note: '3-5 timer → 2–4 timer (nedre grænse −33 %, øvre −20 %)' }),
    ]);
    const [dash] = await fieldsOf((text) => text.replace('3-5 timer om ugen', '3–5 timer om ugen'));
    expect(dash).not.toMatchObject({ change: 'omfang-reduceret' });
    expect(dash?.note).toBeUndefined();
  });

  it('more hours is omfang-aendret, still material', async () => {
    const fields = await fieldsOf((text) => text.replace('i op til 6 måneder', 'i op til 9 måneder'));
    expect(fields).toEqual([expect.objectContaining({ change: 'omfang-aendret', class: 'material', note: '6 måneder → 9 måneder (+50 %)' })]);
  });

  it('a narrowed age range is maalgruppe-indsnaevret, and new criteria text maalgruppe-aendret', async () => {
    expect(await fieldsOf((text) => text.replace('fra: 0', 'fra: 6'))).toEqual([
      expect.objectContaining({ field: 'alder', change: 'maalgruppe-indsnaevret', class: 'material', before: '0-17 år', after: '6-17 år' }),
    ]);
    expect(await fieldsOf((text) => text.replace('Familier med børn 0-17 år', 'Familier med børn 0-17 år med en diagnose'))).toEqual([
      expect.objectContaining({ field: 'maalgruppe', change: 'maalgruppe-aendret', class: 'material' }),
    ]);
  });

  it('a changed legal basis is lovhjemmel-aendret, judged on the parsed citations', async () => {
    expect(await fieldsOf((text) => text.replace('Barnets Lov § 32, stk. 1, nr. 2.', 'Barnets Lov § 32, stk. 1, nr. 8.'))).toEqual([
      expect.objectContaining({
        field: 'lovhjemmel',
        change: 'lovhjemmel-aendret',
        class: 'material',
        note: 'udgår: Barnets Lov § 32, stk. 1, nr. 2 · ny: Barnets Lov § 32, stk. 1, nr. 8',
      }),
    ]);
    expect(await fieldsOf((text) => text.replace('Barnets Lov § 32, stk. 1, nr. 2.', 'Indsatsen gives efter barnets lov § 32, stk. 1, nr. 2.'))).toEqual([
      expect.objectContaining({ field: 'lovhjemmel', change: 'tekst-aendret', class: 'content' }),
    ]);
  });

  it("a kommune's own statement, configured for check, counts in the changelog too: removing it is individuel-vurdering-fjernet", async () => {
    const ownWords = 'Vi ser altid på det enkelte barns situation, før vi træffer afgørelse.';
    const base = baseMeasure.replace('Der foretages altid en konkret og individuel vurdering af barnets behov.', ownWords);
    const config = JSON.stringify({ rules: { 'individuel-vurdering': { options: { phrases: ['\\bdet enkelte barns situation\\b'] } } } });
    const cwd = makeRepository([
      { files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: base, 'serviceniveau.config.json': config }, tag: 'vedtaget/2025-02-11' },
    ]);
    expect(runCli(['check', MEASURE], cwd).status).toBe(0);
    writeFiles(cwd, { [MEASURE]: base.replace(` ${ownWords}`, '') });
    git(cwd, 'commit', '-qam', 'Runde 2');
    const { changes } = (await buildRound({ cwd, to: 'HEAD' })).changelog;
    expect(changes.flatMap((change) => change.fields)).toEqual([
      expect.objectContaining({ field: 'maalgruppe', change: 'individuel-vurdering-fjernet', class: 'material' }),
    ]);
  });

  it('removing the individual-assessment statement is material and loud', async () => {
    const fields = await fieldsOf((text) => text.replace(' Der foretages altid en konkret og individuel vurdering af barnets behov.', ''));
    expect(fields).toEqual([expect.objectContaining({ field: 'maalgruppe', change: 'individuel-vurdering-fjernet', class: 'material' })]);
  });

  it('a comma fix is editorial', async () => {
    expect(
      await fieldsOf((text) => text.replace('En familiekonsulent kommer i hjemmet og hjælper', 'En familiekonsulent kommer i hjemmet, og hjælper')),
    ).toEqual([expect.objectContaining({ field: 'indhold', class: 'editorial', change: 'tekst-redaktionel' })]);
  });

  it('a new gyldig_fra in the frame is material, gyldig-fra-aendret: it is when the change reaches the families', async () => {
    const cwd = makeRepository([
      { files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: baseMeasure }, tag: 'vedtaget/2025-02-11' },
      { files: { [`${AREA}/serviceniveau.md`]: frameText('2026.1', '2026-03-01') } },
    ]);
    const [frame] = (await buildRound({ cwd, to: 'HEAD' })).changelog.changes;
    expect(frame?.fields).toEqual([
      expect.objectContaining({ field: 'version', class: 'editorial', change: 'rammeoplysning-aendret' }),
      expect.objectContaining({ field: 'gyldig_fra', class: 'material', change: 'gyldig-fra-aendret', note: '1. marts 2025 → 1. marts 2026' }),
    ]);
  });

  it('who grants the measure is tildeling-aendret, and other new wording is content', async () => {
    expect(await fieldsOf((text) => text.replace('Sagsbehandleren i Familieafdelingen', 'Visitationsudvalget i Familieafdelingen'))).toEqual([
      expect.objectContaining({ change: 'tildeling-aendret', class: 'material' }),
    ]);
    expect(await fieldsOf((text) => text.replace('styrke forældrenes omsorg', 'styrke forældrenes egne kræfter'))).toEqual([
      expect.objectContaining({ field: 'formaal', change: 'tekst-aendret', class: 'content' }),
    ]);
  });
});

describe('matching measures between two versions', () => {
  it('an added and a removed measure are material, with their text', async () => {
    const other = `${AREA}/foranstaltninger/mentorordning.md`;
    const cwd = makeRepository([
      { files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: baseMeasure }, tag: 'vedtaget/2025-02-11' },
      { files: { [MEASURE]: null, [other]: MENTOR } },
    ]);
    const { changes } = (await buildRound({ cwd, to: 'HEAD' })).changelog;
    expect(changes.map((change) => [change.id, change.kind, change.titel])).toEqual([
      ['mentorordning', 'added', 'Mentor til unge'],
      ['praktisk-paedagogisk-stoette', 'removed', 'Praktisk pædagogisk støtte i hjemmet'],
    ]);
    expect(changes[0]!.fields.every((field) => field.change === 'foranstaltning-tilfoejet' && field.class === 'material')).toBe(true);
    expect(changes[1]!.fields.find((field) => field.field === 'omfang')).toMatchObject({ change: 'foranstaltning-fjernet', after: '' });
  });

  it('a renamed and edited file is renamed, not removed and added', async () => {
    const cwd = makeRepository([{ files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: baseMeasure }, tag: 'vedtaget/2025-02-11' }]);
    git(cwd, 'mv', MEASURE, `${AREA}/foranstaltninger/stoette-i-hjemmet.md`);
    writeFiles(cwd, {
      [`${AREA}/foranstaltninger/stoette-i-hjemmet.md`]: baseMeasure
        .replace('id: praktisk-paedagogisk-stoette', 'id: stoette-i-hjemmet')
        .replace('fra: 0', 'fra: 2'),
    });
    git(cwd, 'commit', '-qam', 'Omdøb');
    const { changes } = (await buildRound({ cwd, to: 'HEAD' })).changelog;
    expect(changes).toEqual([
      expect.objectContaining({
        id: 'stoette-i-hjemmet',
        kind: 'renamed',
        previousId: 'praktisk-paedagogisk-stoette',
        fields: [
          expect.objectContaining({ field: 'id', change: 'foranstaltning-omdoebt' }),
          expect.objectContaining({ field: 'alder', change: 'maalgruppe-indsnaevret' }),
        ],
      }),
    ]);
  });

  it('a measure moved from Markdown to JSON with the same content is no change at all', async () => {
    const json = JSON.stringify(
      {
        id: 'praktisk-paedagogisk-stoette',
        titel: 'Praktisk pædagogisk støtte i hjemmet',
        kategori: 'Støttende indsatser',
        alder: { fra: 0, til: 17 },
        formaal: 'Formålet er at styrke forældrenes omsorg for barnet i hverdagen, så barnet kan blive boende hjemme.',
        indhold: 'En familiekonsulent kommer i hjemmet og hjælper med faste rutiner, måltider og sengetider.',
        maalgruppe:
          'Familier med børn 0-17 år, hvor forældrene har brug for støtte til den daglige omsorg. Der foretages altid en konkret og individuel vurdering af barnets behov.',
        omfang: 'Som udgangspunkt 3-5 timer om ugen i op til 6 måneder med opfølgning efter 3 måneder.',
        tildeling: 'Sagsbehandleren i Familieafdelingen træffer afgørelse efter en børnefaglig undersøgelse.',
        levering: 'Ydelsen leveres af kommunens eget familiehus eller af en godkendt privat leverandør.',
        kvalitetskrav: 'Leverandøren sender en statusrapport hver 3. måned og deltager i opfølgningsmøder.',
        lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
      },
      null,
      2,
    );
    const cwd = makeRepository([
      { files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: baseMeasure }, tag: 'vedtaget/2025-02-11' },
      { files: { [MEASURE]: null, [MEASURE.replace('.md', '.json')]: json } },
    ]);
    expect((await buildRound({ cwd, to: 'HEAD' })).changelog.changes).toEqual([]);
  });
});

describe('the refs of a round', () => {
  it('defaults from the newest adopted tag to the working tree, uncommitted edits included', async () => {
    const cwd = makeRepository([
      { files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: baseMeasure }, tag: 'vedtaget/2024-02-01' },
      { files: { [MEASURE]: baseMeasure.replace('3-5 timer', '4-6 timer') }, tag: 'vedtaget/2025-02-11' },
    ]);
    writeFiles(cwd, { [MEASURE]: baseMeasure.replace('3-5 timer', '2-3 timer') });
    const round = await buildRound({ cwd });
    expect(round.changelog.from).toBe('vedtaget/2025-02-11');
    expect(round.changelog.to).toBe('arbejdskopien');
    expect(round.changelog.changes[0]?.fields[0]).toMatchObject({ change: 'omfang-reduceret', note: '4-6 timer → 2-3 timer (nedre grænse −50 %, øvre −50 %)' });
    expect(round.from).toMatchObject({ author: 'Mette Sørensen', date: '2025-02-01T10:00:00+01:00', version: '2025.1' });
  });

  it('refuses an injected ref before git runs, and writes nothing', () => {
    const cwd = roundWith((text) => text);
    const marker = join(cwd, 'pwned');
    const result = runCli(['changelog', `--from=--upload-pack=touch ${marker}`], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Ugyldig git-reference »--upload-pack=touch');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(marker)).toBe(false);
  });

  it('an unknown ref is a Danish usage error', () => {
    const result = runCli(
      ['changelog', '--from', 'vedtaget/2019-01-01'],
      roundWith((text) => text),
    );
    expect(result).toMatchObject({ status: 2, stderr: expect.stringContaining('Git kender ikke »vedtaget/2019-01-01«') as string });
  });

  it('a shallow clone without tags says to fetch the full history', () => {
    const source = roundWith((text) => text.replace('3-5', '2-4'));
    const shallow = join(source, '..', `${source.split('/').at(-1)}-shallow`);
    git(join(source, '..'), 'clone', '-q', '--depth', '1', `file://${source}`, shallow);
    const result = runCli(['changelog'], shallow);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('git fetch --unshallow --tags');
  });

  it('prints the round as JSON in the shape of SPEC', () => {
    const cwd = roundWith((text) => text.replace('3-5 timer', '2-4 timer'));
    const result = runCli(['changelog', '--to', 'HEAD'], cwd);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      from: 'vedtaget/2025-02-11',
      to: 'HEAD',
      changes: [
        {
          id: 'praktisk-paedagogisk-stoette',
          titel: 'Praktisk pædagogisk støtte i hjemmet',
          kind: 'changed',
          fields: [
            {
              field: 'omfang',
              class: 'material',
              change: 'omfang-reduceret',
              before: expect.stringContaining('3-5 timer') as string,
              after: expect.stringContaining('2-4 timer') as string,
              note: '3-5 timer → 2-4 timer (nedre grænse −33 %, øvre −20 %)',
            },
          ],
        },
      ],
    });
  });

  it('never writes the document into policies/', () => {
    const cwd = roundWith((text) => text);
    const result = runCli(['changelog', '--to', 'HEAD', '--out', 'policies/aendringer.json'], cwd);
    expect(result.status).toBe(2);
    expect(existsSync(join(cwd, 'policies/aendringer.json'))).toBe(false);
  });
});

describe('rounds and history', () => {
  it('lists the adopted versions and follows one measure through them', () => {
    const cwd = makeRepository([
      { files: { [`${AREA}/serviceniveau.md`]: frameText(), [MEASURE]: baseMeasure }, tag: 'vedtaget/2024-02-01' },
      { files: { [MEASURE]: baseMeasure.replace('3-5 timer', '2-4 timer') }, tag: 'vedtaget/2025-02-11' },
    ]);
    expect(runCli(['rounds'], cwd).stdout).toBe(
      'vedtaget/2024-02-01  1. februar 2024  første vedtagne version\nvedtaget/2025-02-11  11. februar 2025  1 ændring i 1 dokument (1 væsentlig)\n',
    );
    expect(runCli(['history', 'praktisk-paedagogisk-stoette'], cwd).stdout).toBe(
      'Historik for »praktisk-paedagogisk-stoette«:\n  vedtaget/2025-02-11: ændret — omfang-reduceret (3-5 timer → 2-4 timer (nedre grænse −33 %, øvre −20 %))\n  arbejdskopien: ingen ændringer\n',
    );
  });
});

describe('committee documents from a real repository', () => {
  it('a suppression added in the round is an accepted deviation, with its reason', async () => {
    const cwd = roundWith((text) =>
      text.replace(
        '## Omfang og varighed\n\n',
        '## Omfang og varighed\n\n<!-- serviceniveau-disable-next-line skoen-under-regel -- Loven fastsætter selv grænsen (§ 89) -->\n',
      ),
    );
    const round = await buildRound({ cwd, to: 'HEAD' });
    expect(round.deviations).toEqual([
      { file: MEASURE, line: lineOf(edited(cwd), 'Som udgangspunkt 3-5 timer'), rules: ['skoen-under-regel'], reason: 'Loven fastsætter selv grænsen (§ 89)' },
    ]);
  });

  it('writes the Word document with tracked changes by the commit author, and the HTML paralleltekst', async () => {
    const cwd = roundWith((text) => text.replace('3-5 timer', '2-4 timer'));
    expect(runCli(['changelog', '--to', 'HEAD', '--format', 'docx', '--out', 'aendringer.docx'], cwd)).toMatchObject({
      status: 0,
      stderr: expect.stringContaining('Skrev ') as string,
    });
    const xml = await (await JSZip.loadAsync(readFileSync(join(cwd, 'aendringer.docx')))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:del [^>]*w:author="Mette Sørensen"[^>]*>.*?<w:delText[^>]*>3-5<\/w:delText>/s);
    expect(xml).toMatch(/<w:ins [^>]*w:author="Mette Sørensen"[^>]*>.*?<w:t[^>]*>2-4<\/w:t>/s);
    const html = runCli(['changelog', '--to', 'HEAD', '--format', 'html'], cwd).stdout;
    expect(html).toContain('Gældende formulering');
    expect(html).toContain('I afsnittet »Omfang og varighed« ændres »3-5 timer« til: »2-4 timer«.');
    const rendered = runCli(['render', '--ref', 'vedtaget/2025-02-11'], cwd).stdout;
    expect(rendered).toContain('Praktisk pædagogisk støtte i hjemmet');
    expect(rendered).toContain('3-5 timer');
  });
});

function edited(cwd: string): string {
  return readFileSync(join(cwd, MEASURE), 'utf8');
}

describe('the dates on the cover', () => {
  const adopted = frameText().replace(
    'status: udkast',
    'status: vedtaget\nvedtagelse:\n  dato: 2025-02-11\n  organ: Børne- og Ungeudvalget\n  reference: Sag 25/01234, punkt 7',
  );

  it("gives the adopted side the frame's adoption date, not the date of the tagged commit, in HTML and Word alike", async () => {
    const cwd = makeRepository([
      { files: { [`${AREA}/serviceniveau.md`]: adopted, [MEASURE]: baseMeasure }, tag: 'vedtaget/2025-02-11', date: '2026-11-25T10:00:00+01:00' },
      { files: { [MEASURE]: baseMeasure.replace('3-5 timer', '2-4 timer') }, date: '2026-11-26T10:00:00+01:00' },
    ]);
    const round = await buildRound({ cwd, to: 'HEAD' });
    const html = renderChangelogHtml(round);
    expect(html).toContain('<tr><th scope="row">Dato</th><td>11. februar 2025</td><td>26. november 2026</td></tr>');
    expect(html).not.toContain('25. november 2026');
    const xml = await (await JSZip.loadAsync(await renderChangelogDocx(round))).file('word/document.xml')!.async('string');
    expect(xml).toContain('11. februar 2025');
    expect(xml).not.toContain('25. november 2026');
  });
});
