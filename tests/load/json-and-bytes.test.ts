import { describe, expect, it } from 'vitest';
import { checkText, documentOf, lineOf, loadText } from '../helpers.js';

const FILE = 'policies/boern-og-unge/foranstaltninger/netvaerksplejefamilie.json';

const measure = {
  $schema: '../../../schemas/foranstaltning.schema.json',
  id: 'netvaerksplejefamilie',
  titel: 'Anbringelse i netværksplejefamilie',
  alder: { fra: 0, til: 17 },
  formaal: 'At barnet kan vokse op trygt hos nogen, det kender i forvejen.',
  indhold: 'Barnet bor hos slægt eller nære venner af familien.',
  maalgruppe: 'Børn, der ikke kan bo hjemme. Der foretages altid en konkret og individuel vurdering af barnets behov.',
  omfang: 'Anbringelsen varer, så længe barnet har behov for den; der følges op som udgangspunkt hver 6. måned.',
  tildeling: 'Børne- og familieafdelingens visitationsudvalg.',
  levering: 'Netværksplejefamilien er godkendt af kommunen.',
  kvalitetskrav: 'Familien deltager i kurser og supervision.',
  lovhjemmel: 'Barnets Lov § 46, stk. 1, og § 43, stk. 1, nr. 4.',
};

describe('reading a measure written as JSON', () => {
  it('loads into the same model as Markdown and passes the schema', () => {
    const text = JSON.stringify(measure, null, 2);
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([]);
    expect(documentOf(FILE, 'foranstaltning', text).data).toEqual(measure);
  });

  it('reports a duplicate key, which JSON.parse would silently accept', () => {
    const text = JSON.stringify(measure, null, 2).replace('"titel":', '"titel": "Første titel",\n  "titel":');
    const findings = checkText(FILE, 'foranstaltning', text);
    const second = text.indexOf('"titel"', text.indexOf('"titel"') + 1);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'schema',
        severity: 'error',
        message: 'Feltet »titel« står to gange',
        start: { line: text.slice(0, second).split('\n').length, column: 3 },
      }),
    ]);
  });

  it('reports broken JSON once, in Danish, at the place it breaks', () => {
    const text = JSON.stringify(measure, null, 2).replace('"tildeling":', '"tildeling"');
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings).toEqual([
      expect.objectContaining({ message: 'Ugyldig JSON: Der mangler et kolon efter feltnavnet', start: { line: lineOf(text, '"tildeling"'), column: 15 } }),
    ]);
  });

  it('rejects comments and trailing commas, which JSON does not allow', () => {
    const trailing = JSON.stringify(measure, null, 2).replace(/\n}$/, ',\n}');
    expect(checkText(FILE, 'foranstaltning', trailing)[0]?.message).toMatch(/^Ugyldig JSON: Her forventes et feltnavn/);
    const comment = JSON.stringify(measure, null, 2).replace('{', '{ // en kommentar');
    expect(checkText(FILE, 'foranstaltning', comment)[0]?.message).toBe('Ugyldig JSON: JSON tillader ikke kommentarer');
  });

  it('points an unknown key at the key itself', () => {
    const text = JSON.stringify({ ...measure, maalgrupe: 'Skrevet forkert' }, null, 2);
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings).toEqual([
      expect.objectContaining({ message: 'Ukendt felt »maalgrupe«', hint: 'Mente du »maalgruppe«?', start: { line: lineOf(text, '"maalgrupe"'), column: 3 } }),
    ]);
  });
});

describe('reading the bytes of a policy file', () => {
  it('reports a file that is not UTF-8 at the first bad byte', () => {
    const latin1 = Buffer.concat([Buffer.from('---\nid: x\ntitel: Bolig til b'), Buffer.from([0xf8]), Buffer.from('rn\n---\n')]);
    const loaded = loadText('policies/a/foranstaltninger/x.md', 'foranstaltning', latin1);
    expect(loaded.document).toBeUndefined();
    expect(loaded.findings).toEqual([expect.objectContaining({ message: 'Filen er ikke gemt som UTF-8', start: { line: 3, column: 19 } })]);
  });

  it('reports a binary file instead of parsing it', () => {
    const loaded = loadText('policies/a/foranstaltninger/x.md', 'foranstaltning', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect(loaded.findings.map((finding) => finding.message)).toEqual(['Filen er en binær fil, ikke tekst']);
  });

  it('reports an empty file, also one with only blank lines', () => {
    for (const text of ['', '\n\n  \n']) {
      expect(loadText('policies/a/foranstaltninger/x.md', 'foranstaltning', text).findings.map((finding) => finding.message)).toEqual(['Filen er tom']);
    }
  });
});
