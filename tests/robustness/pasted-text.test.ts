import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMojibake, findMojibakeRuns } from '../../scripts/load/mojibake.js';
import type { Finding, Position } from '../../scripts/model/finding.js';
import { individuelVurdering } from '../../scripts/rules/individuel-vurdering.js';
import { lovhjemmel } from '../../scripts/rules/lovhjemmel.js';
import { pladsholder } from '../../scripts/rules/pladsholder.js';
import { checkText, documentOf, loadText, REPO_ROOT } from '../helpers.js';
import { findingsOf, measureDocument, measureText } from '../rules/rule-helpers.js';

const FILE = 'policies/boern-og-unge/foranstaltninger/praktisk-stoette.md';
const STATEMENT = 'Der foretages altid en konkret og individuel vurdering af barnets behov.';

/** Windows-1252 for the bytes 0x80–0x9F; the five it leaves undefined pass through as C1 controls, as Windows does. */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Text as it looks after its UTF-8 bytes were opened as Windows-1252 and saved again: »ø« becomes »Ã¸«. */
function garble(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_80_9F[byte - 0x80] : String.fromCharCode(byte))).join('');
}

/** The bytes of text saved as Windows-1252 (Notepad's »ANSI«), as an old Word document or e-mail gives it. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from([...text], (character) => {
    const code = character.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const index = WINDOWS_1252_80_9F.indexOf(character);
    if (index < 0) throw new Error(`»${character}« cannot be written in Windows-1252`);
    return 0x80 + index;
  });
}

/** The 1-based position of the first `needle` in `text`, the way findings count (columns in UTF-16 units). */
function positionOf(text: string, needle: string, from = 0): Position {
  const index = text.indexOf(needle, from);
  if (index < 0) throw new Error(`»${needle}« not in the text`);
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  return { line: text.slice(0, index).split('\n').length, column: index - lineStart + 1 };
}

/** The load findings of a measure, as `check` would report them. */
function loadFindings(text: string | Uint8Array): Finding[] {
  return loadText(FILE, 'foranstaltning', text).findings;
}

/** The statement a measure needs, with a few sentences around it, under Målgruppe. */
function withStatement(statement: string): string {
  return measureText({ maalgruppe: `Familier med børn 0-17 år, hvor forældrene har brug for støtte.\n${statement}\nStøtten gives i hjemmet.` });
}

describe('text pasted from Word is read as the words it shows', () => {
  it('soft hyphens inside words do not hide the statement or a citation', () => {
    const document = measureDocument({
      maalgruppe: `Familier med børn. Der fore\u00ADtages altid en kon\u00ADkret og indi\u00ADvi\u00ADduel vur\u00ADde\u00ADring af barnets behov.`,
      lovhjemmel: 'Bar\u00ADnets Lov § 32, stk. 1, nr. 2.',
    });
    expect(findingsOf(individuelVurdering, [document])).toEqual([]);
    expect(findingsOf(lovhjemmel, [document])).toEqual([]);
  });

  it('hard spaces between words and around the paragraph sign are ordinary spaces', () => {
    const document = measureDocument({
      maalgruppe: `Familier med børn. ${STATEMENT.replaceAll(' ', '\u00A0')}`,
      lovhjemmel: 'Barnets\u00A0Lov §\u00A032, stk.\u00A01, nr.\u00A02, og §\u202F46 i barnets lov.',
    });
    expect(findingsOf(individuelVurdering, [document])).toEqual([]);
    expect(findingsOf(lovhjemmel, [document])).toEqual([]);
  });

  it('curly quotes and guillemets around the statement do not change it', () => {
    for (const quoted of [`“${STATEMENT}”`, `»${STATEMENT}«`, `„${STATEMENT}“`, `‘${STATEMENT}’`]) {
      expect(findingsOf(individuelVurdering, [measureDocument({ maalgruppe: `Familier med børn. ${quoted}` })])).toEqual([]);
    }
  });

  it('a heading with a hard space is still the heading of its section', () => {
    const text = measureText().replace('## Målgruppe og tildelingskriterier', '## Målgruppe\u00A0og\u00A0tildelingskriterier');
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([]);
  });

  it('a heading pasted with a soft hyphen or zero-width space is still the template heading; the zero-width space is a warning', () => {
    for (const hidden of ['\u00AD', '\u200B']) {
      const text = measureText({ maalgruppe: `Familier med børn. ${STATEMENT}` }).replace(
        '## Målgruppe og tildelingskriterier',
        `## Målgruppe og til${hidden}delingskriterier`,
      );
      expect(checkText(FILE, 'foranstaltning', text).map(({ severity, message }) => `${severity}: ${message}`)).toEqual(
        hidden === '\u00AD' ? [] : ['warning: Usynligt tegn U+200B (nulbredde-mellemrum) i »…Målgruppe og til⟨U+200B⟩delingskriterier«'],
      );
      expect(findingsOf(individuelVurdering, [documentOf(FILE, 'foranstaltning', text)])).toEqual([]);
    }
  });

  it('zero-width spaces from a web page are read through, with a warning; a leading byte-order mark from Notepad is ignored', () => {
    const text = `\uFEFF${measureText({ maalgruppe: `Familier med børn. Der foretages altid en konkret og indi\u200Bviduel vurdering af barnets\u200B behov.` })}`;
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/^Usynligt tegn U\+200B .* \(og 1 sted mere på linjen\)$/) as string }),
    ]);
    expect(findingsOf(individuelVurdering, [documentOf(FILE, 'foranstaltning', text)])).toEqual([]);
  });

  it('Windows line endings (CRLF) keep every position right', () => {
    const text = measureText({ indhold: 'En familiekonsulent kommer i hjemmet. [tilpasses lokalt]' }).replaceAll('\n', '\r\n');
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([]);
    const [finding] = findingsOf(pladsholder, [documentOf(FILE, 'foranstaltning', text)]);
    const { line, column } = positionOf(text, '[tilpasses lokalt]');
    expect(finding).toMatchObject({ line, column, endLine: line, endColumn: column + '[tilpasses lokalt]'.length });
  });
});

describe('text pasted from a PDF is read as the words it shows', () => {
  const accepted: [string, string][] = [
    ['a word broken with a hyphen at the line end', 'Der foretages altid en konkret og indi-\nviduel vurdering af barnets behov.'],
    ['two broken words and CRLF', 'Der fore-\r\ntages altid en konkret og individu-\r\nel vurdering af barnets behov.'],
    ['hard line breaks with trailing spaces in the middle of the sentence', 'Der foretages altid en konkret og \nindividuel vurdering af barnets \nbehov.'],
    ['a line break inside the statement and a hard space after it', 'Der foretages altid en\nkonkret og individuel vurdering\u00A0af barnets behov.'],
    [
      'a non-breaking hyphen from Word in »børne‑ og ungeudvalget«',
      'Børne\u2011 og ungeudvalget har besluttet, at der altid foretages en konkret og individuel vurdering.',
    ],
  ];
  for (const [name, statement] of accepted) {
    it(`accepts the statement with ${name}`, () => {
      expect(findingsOf(individuelVurdering, [documentOf(FILE, 'foranstaltning', withStatement(statement))])).toEqual([]);
    });
  }

  it('reads a citation broken across lines', () => {
    const document = measureDocument({ lovhjemmel: 'Foranstaltningen gives efter Barnets Lov\n§ 32, stk. 1,\nnr. 2.' });
    expect(findingsOf(lovhjemmel, [document])).toEqual([]);
  });
});

describe('a file saved as Windows-1252 instead of UTF-8', () => {
  it('is reported as not UTF-8 at the first letter that is not ASCII', () => {
    const text = measureText();
    const [finding, ...rest] = loadFindings(windows1252(text));
    expect(rest).toEqual([]);
    const at = positionOf(text, 'æ');
    expect(finding).toMatchObject({ rule: 'schema', severity: 'error', message: 'Filen er ikke gemt som UTF-8', start: at, end: at });
    expect(finding?.hint).toContain('UTF-8');
  });

  it('is reported at a curly quote or a dash when the text has no æ, ø or å', () => {
    const text = measureText({}, 'praktisk-stoette')
      .replace('titel: Praktisk pædagogisk støtte i hjemmet', 'titel: Praktisk stoette')
      .replace('kategori: Støttende indsatser', 'kategori: Stoettende indsatser')
      .replace(/## Formål[\s\S]*$/, '## Formaal\n\nForaeldrene faar “hjaelp” – hver uge.\n');
    const [finding] = loadFindings(windows1252(text));
    expect(finding).toMatchObject({ message: 'Filen er ikke gemt som UTF-8', start: positionOf(text, '“') });
  });
});

describe('mojibake: UTF-8 that was read as Windows-1252 and saved again', () => {
  const cases: [string, string][] = [
    ['ø', 'Ã¸'],
    ['æ', 'Ã¦'],
    ['å', 'Ã¥'],
    ['Ø', 'Ã˜'],
    ['Æ', 'Ã†'],
    ['Å', 'Ã…'],
    ['é', 'Ã©'],
    ['–', 'â€“'],
    ['—', 'â€”'],
    ['“', 'â€œ'],
    ['»', 'Â»'],
    ['«', 'Â«'],
    ['§', 'Â§'],
    ['€', 'â‚¬'],
  ];
  for (const [original, garbled] of cases) {
    it(`»${garbled}« is reported as a »${original}« at its exact place`, () => {
      expect(garble(original)).toBe(garbled);
      const text = measureText({ indhold: `En familiekonsulent kommer i hjemmet ${garbled} hver uge.` });
      const start = positionOf(text, garbled);
      expect(loadFindings(text)).toEqual([
        {
          source: 'load',
          rule: 'schema',
          severity: 'error',
          file: FILE,
          start,
          end: { line: start.line, column: start.column + garbled.length },
          message: `»${garbled}« er sandsynligvis et »${original}«, der er gemt med forkert tegnsæt`,
          hint: expect.stringMatching(
            new RegExp(`erstat »${garbled.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}« med »${original}« i hele filen .*gem filen som UTF-8\\.$`),
          ) as string,
        },
      ]);
    });
  }

  it('»â€« whose last, undefined byte was dropped is reported as a »”«', () => {
    const text = measureText({ indhold: 'Familien kalder det â€œet pusterumâ€ i hverdagen.' });
    expect(loadFindings(text)).toEqual([
      expect.objectContaining({
        start: positionOf(text, 'â€œ'),
        message: '»â€œ« er sandsynligvis et »“«, der er gemt med forkert tegnsæt (og 1 sted mere på linjen)',
      }),
    ]);
    expect(findMojibakeRuns('et pusterumâ€ i').map((run) => run.expected)).toEqual(['”']);
  });

  it('a hard space or soft hyphen that was garbled is named, since it cannot be seen', () => {
    expect(findMojibake(garble('konkret\u00A0og')).map((problem) => problem.message)).toEqual([
      '»Â« er sandsynligvis et hårdt mellemrum, der er gemt med forkert tegnsæt',
    ]);
    expect(findMojibake(garble('indi\u00ADviduel')).map((problem) => problem.hint)).toEqual([expect.stringContaining('slet »Â«')]);
  });

  it('a garbled line gives one finding, at its first garbled letter, counting the rest', () => {
    const line = garble('Børne- og Ungeudvalget får »særlige« tilbud – også på døgn.');
    const text = measureText({ indhold: line });
    const findings = loadFindings(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      start: positionOf(text, 'Ã¸'),
      message: '»Ã¸« er sandsynligvis et »ø«, der er gemt med forkert tegnsæt (og 8 steder mere på linjen)',
    });
  });

  it('letters next to each other are one run: »Ã¦Ã¸Ã¥« is »æøå«', () => {
    expect(findMojibake(`Bogstaverne ${garble('æøå')} bruges.`).map((problem) => problem.message)).toEqual([
      '»Ã¦Ã¸Ã¥« er sandsynligvis »æøå«, der er gemt med forkert tegnsæt',
    ]);
  });

  it('a whole garbled file gives a finding on every line that has mojibake, besides the broken headings', () => {
    const text = garble(measureText({ maalgruppe: `Familier med børn. ${STATEMENT}` }));
    const mojibake = loadFindings(text).filter((finding) => finding.message.includes('forkert tegnsæt'));
    const garbledLines = text.split('\n').flatMap((line, index) => (/Ã|Â|â€/.test(line) ? [index + 1] : []));
    expect(mojibake.map((finding) => finding.start.line)).toEqual(garbledLines);
  });

  it('is found in a JSON measure at the place in the file', () => {
    const text = JSON.stringify({ id: 'praktisk-stoette', titel: garble('Praktisk støtte') }, null, 2);
    expect(loadText('policies/boern-og-unge/foranstaltninger/praktisk-stoette.json', 'foranstaltning', text).findings).toContainEqual(
      expect.objectContaining({ message: '»Ã¸« er sandsynligvis et »ø«, der er gemt med forkert tegnsæt', start: positionOf(text, 'Ã¸') }),
    );
  });

  it('correct Danish text, with guillemets, dashes and capitals, is never taken for mojibake', () => {
    const danish = ['»Å«', '»Ø«', '»Æ«', 'på»', 'få«', 'Ærø–Als', 'Århus — Ålborg', 'ØÆÅ øæå', '§§ 46–47', '½ time', 'é', '“Å”', 'Åen’s'];
    expect(danish.flatMap((text) => findMojibakeRuns(text))).toEqual([]);
    const seeds = readdirSync(join(REPO_ROOT, 'tests/fixtures/seeds')).map((name) => readFileSync(join(REPO_ROOT, 'tests/fixtures/seeds', name), 'utf8'));
    expect(seeds.flatMap((text) => findMojibakeRuns(text))).toEqual([]);
  });
});

describe('the individual-assessment statement is never silently missed', () => {
  const pasted: [string, string][] = [
    ['soft hyphens from Word', 'Der foretages altid en konkret og indi\u00ADviduel vur\u00ADdering af barnets behov.'],
    ['hard spaces from Word', STATEMENT.replaceAll(' ', '\u00A0')],
    ['a narrow hard space and a zero-width space', 'Der foretages altid en konkret\u202Fog individuel\u200B vurdering af barnets behov.'],
    ['a hyphenated line break from a PDF', 'Der foretages altid en konkret og indi-\nviduel vurdering af barnets behov.'],
    ['line breaks from a PDF', 'Der foretages altid en\nkonkret og individuel\nvurdering af barnets behov.'],
    ['Windows line breaks', 'Der foretages altid en\r\nkonkret og indi-\r\nviduel vurdering af barnets behov.'],
    ['curly quotes around it', `“${STATEMENT}”`],
    ['decomposed letters (NFD) from a Mac', 'Der foretages altid en konkret og individuel vurdering af barnets behov og ønsker.'.normalize('NFD')],
  ];
  for (const [name, statement] of pasted) {
    it(`is accepted when pasted with ${name}`, () => {
      const text = withStatement(statement);
      // A zero-width space is read through, and warned about so it can be deleted.
      expect(loadFindings(text).map((finding) => finding.severity)).toEqual(statement.includes('\u200B') ? ['warning'] : []);
      expect(findingsOf(individuelVurdering, [documentOf(FILE, 'foranstaltning', text)])).toEqual([]);
    });
  }

  const garbled: [string, string][] = [
    ['a garbled hard space', 'Der foretages altid en konkret og\u00A0individuel vurdering af barnets behov.'],
    ['a garbled soft hyphen, which hides the word from the rule', 'Der foretages altid en konkret og indi\u00ADviduel vurdering af barnets behov.'],
    ['garbled quotes and a dash', '“Der foretages altid en konkret og individuel vurdering” – også ved genbevilling.'],
    ['garbled Danish letters', 'Der foretages altid en konkret og individuel vurdering af barnets og forældrenes behov på stedet.'],
  ];
  for (const [name, statement] of garbled) {
    it(`with ${name} gives the mojibake error on the statement's line`, () => {
      const text = withStatement(garble(statement));
      const line = positionOf(text, garble(statement).slice(0, 20)).line;
      const errors = loadFindings(text).filter((finding) => finding.severity === 'error' && finding.start.line === line);
      expect(errors).toEqual([expect.objectContaining({ rule: 'schema', message: expect.stringContaining('der er gemt med forkert tegnsæt') as string })]);
      expect(errors[0]?.start).toEqual(positionOf(text, /Ã|Â|â/.exec(garble(statement))?.[0] ?? '', text.indexOf(garble(statement).slice(0, 20))));
    });
  }
});
