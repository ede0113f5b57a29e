import { describe, expect, it } from 'vitest';
import type { Finding } from '../../scripts/model/finding.js';
import { checkText, lineOf, measureMarkdown } from '../helpers.js';

const FILE = 'policies/boern-og-unge/foranstaltninger/praktisk-paedagogisk-stoette.md';
const JSON_FILE = 'policies/boern-og-unge/foranstaltninger/netvaerksplejefamilie.json';

/** The invisible-character findings of a measure in Markdown, as `check` reports them. */
function invisibleFindings(text: string, file = FILE): Finding[] {
  return checkText(file, 'foranstaltning', text).filter((finding) => finding.message.startsWith('Usynligt'));
}

/** The 1-based column of the first `needle` on its line. */
function columnOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at - text.lastIndexOf('\n', at - 1);
}

describe('invisible and bidirectional characters in a policy file', () => {
  it('reports a right-to-left override hidden in the Lovhjemmel as an error at the character, with a Danish hint', () => {
    const text = measureMarkdown({ sections: { Lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2\u202E9\u202C.' } });
    expect(invisibleFindings(text)).toEqual([
      {
        source: 'load',
        rule: 'schema',
        severity: 'error',
        file: FILE,
        start: { line: lineOf(text, 'Barnets Lov § 32'), column: columnOf(text, '\u202E') },
        end: { line: lineOf(text, 'Barnets Lov § 32'), column: columnOf(text, '\u202E') + 1 },
        message: 'Usynligt retningstegn U+202E (højre-mod-venstre-tilsidesættelse) i »…32, stk. 1, nr. 2⟨U+202E⟩9⟨U+202C⟩.« (og 1 sted mere på linjen)',
        hint: expect.stringMatching(/^Tegnet er usynligt og styrer skriveretningen.*slet det.*kopieres fra/) as string,
      },
    ]);
  });

  it('reports every bidi control as an error and every zero-width character as a warning', () => {
    const bidi = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];
    const zeroWidth = ['\u200B', '\u200C', '\u200D', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\uFEFF', '\u034F', '\u180E'];
    for (const [chars, severity] of [
      [bidi, 'error'],
      [zeroWidth, 'warning'],
    ] as const) {
      for (const char of chars) {
        const text = measureMarkdown({ sections: { Tildeling: `Sagsbehandleren i Familie${char}afdelingen træffer afgørelse.` } });
        const findings = invisibleFindings(text);
        expect(findings, `U+${char.charCodeAt(0).toString(16)}`).toHaveLength(1);
        expect(findings[0]).toMatchObject({ severity, start: { line: lineOf(text, 'Sagsbehandleren'), column: columnOf(text, char) } });
      }
    }
  });

  it('gives one finding per line and kind, at the first character, counting the rest', () => {
    const text = measureMarkdown({ sections: { Tildeling: 'Ring på 70\u200B10\u200B20\u200B30, eller skriv til \u200Ffamilie@eksempel-kommune.dk.' } });
    const findings = invisibleFindings(text);
    expect(findings.map(({ severity, start, message }) => ({ severity, start, message }))).toEqual([
      {
        severity: 'warning',
        start: { line: lineOf(text, 'Ring på'), column: columnOf(text, '\u200B') },
        message: 'Usynligt tegn U+200B (nulbredde-mellemrum) i »Ring på 70⟨U+200B⟩10⟨U+200B⟩20⟨U+200B⟩30, eller…« (og 2 steder mere på linjen)',
      },
      {
        severity: 'error',
        start: { line: lineOf(text, 'Ring på'), column: columnOf(text, '\u200F') },
        message: 'Usynligt retningstegn U+200F (højre-mod-venstre-markering) i »…eller skriv til ⟨U+200F⟩familie@eksempel-kommune.…«',
      },
    ]);
  });

  it('finds the characters in frontmatter, headings and comments too', () => {
    const text = measureMarkdown({ frontmatter: 'id: praktisk-paedagogisk-stoette\ntitel: Praktisk\u2060 støtte' })
      .replace('## Indhold', '## Ind\u200Dhold')
      .replace('## Tildeling', '<!-- Tjekket af jurist\u2066 -->\n\n## Tildeling');
    const findings = invisibleFindings(text);
    expect(findings.map((finding) => finding.start)).toEqual([
      { line: lineOf(text, 'titel:'), column: columnOf(text, '\u2060') },
      { line: lineOf(text, '## Ind'), column: 7 },
      { line: lineOf(text, '<!-- Tjekket'), column: columnOf(text, '\u2066') },
    ]);
  });

  it('reports a bidi control written as an escape in JSON, where it reaches the rendered text', () => {
    const text = JSON.stringify(
      {
        id: 'netvaerksplejefamilie',
        titel: 'Anbringelse i netværksplejefamilie',
        lovhjemmel: 'Barnets Lov § 46, stk. 1.',
      },
      null,
      2,
    ).replace('§ 46', '§ \\u202e64\\u202c');
    const findings = invisibleFindings(text, JSON_FILE);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        start: { line: lineOf(text, 'lovhjemmel'), column: columnOf(text, '\\u202e') },
        message:
          'Usynligt retningstegn U+202E (højre-mod-venstre-tilsidesættelse) skrevet som »\\u202e« i »…"Barnets Lov § ⟨U+202E⟩64\\u202c, stk. 1."« (og 1 sted mere på linjen)',
      }),
    ]);
  });

  it('reads »\\u202E« in Markdown prose as the text it shows, and an escaped backslash as no escape', () => {
    const prose = measureMarkdown({ sections: { Indhold: 'Tegnet skrives \\u202E i JSON.' } });
    expect(invisibleFindings(prose)).toEqual([]);
    const json = JSON.stringify({ id: 'netvaerksplejefamilie', indhold: 'Skriv \\u202E for at vende teksten.' });
    expect(invisibleFindings(json, JSON_FILE)).toEqual([]);
  });

  it('gives no finding for ordinary Danish text with æøå, hard spaces, soft hyphens and a leading byte order mark', () => {
    const text = `\uFEFF${measureMarkdown({
      sections: {
        Formål: 'Formålet er at styrke forældrenes om\u00ADsorg for barnet, så det kan blive boende i hjemmet på Æblevej.',
        'Omfang og varighed': 'Som udgangspunkt 3-5\u00A0timer om ugen i op til 6\u00A0måneder; børne\u00ADfaglig opfølgning efter 3\u00A0måneder.',
      },
    })}`;
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([]);
  });
});
