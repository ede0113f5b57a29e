import fc from 'fast-check';
import { stringify } from 'yaml';
import { CONFIG_FILE_NAME } from '../../layout.js';
import { AREA, FRAME_FILE, FRAME_MARKDOWN, MEASURE_FILE, MEASURE_JSON, MEASURE_MARKDOWN, REGISTER_FILE, register } from './seeds.js';

// What the fuzzer generates: edited policy text, odd bytes, odd frontmatter and JSON values, configs and whole trees.

/** Pieces of policy text that reach the parsers' and rules' corners: Markdown, YAML, citations, personal data, pasted characters. */
const FRAGMENTS = [
  '---\n',
  '## Formål\n',
  '## Lovhjemmel\n',
  '## Målgruppe og tildelingskriterier\n',
  '# Titel\n',
  '### Underpunkt\n',
  '\n',
  '\r\n',
  '\n\n',
  '\r',
  ' ',
  '\t',
  '- ',
  '1. ',
  '> ',
  '```\n',
  '    kode\n',
  '| a | b |\n|---|---|\n',
  '* ',
  '**',
  '_',
  '`',
  '<b>',
  '</b>',
  '<br>',
  '&amp;',
  '&#106;',
  '[',
  ']',
  '](',
  ')',
  '[tilpasses lokalt]',
  '[klik](javascript:alert(1))',
  '<https://eksempel.dk>',
  'www.eksempel.dk',
  '____',
  'XX',
  'TODO',
  'Lorem ipsum',
  'id: x\n',
  'titel: ',
  ': ',
  '"',
  "'",
  '&a ',
  '*a',
  '!!binary ',
  '{',
  '}',
  '- - -',
  '? ',
  '%YAML 1.2\n',
  '\\',
  '\\u00e6',
  '\\"',
  '§ ',
  '§§ ',
  '§',
  '§ 32',
  'Barnets Lov § 32, stk. 1, nr. 2',
  'serviceloven § 52, stk. 3, nr. 2',
  'stk. ',
  'nr. ',
  ' og ',
  '-',
  ' til ',
  'jf. ',
  'paragraf 32',
  'Lov om social service ',
  'altid ',
  'en konkret og individuel vurdering',
  'ikke ',
  'ikke altid ',
  'kun i særlige tilfælde',
  'som udgangspunkt ',
  'højst 10 timer',
  'gives ikke',
  'aldrig',
  '010190-1234',
  '12 34 56 78',
  '+45 12345678',
  'tlf. ',
  'a@b.dk',
  'CVR-nr. 12 34 56 78',
  '<!-- serviceniveau-disable-next-line skoen-under-regel -- grund -->\n',
  '<!-- serviceniveau-disable-next-line ukendt -->\n',
  '<!--',
  '-->',
  '\u00AD',
  '\u00A0',
  '\u200B',
  '\uFEFF',
  '\u2028',
  '\u0000',
  '\uD800',
  '\uDC00',
  'e\u0301',
  '“',
  '”',
  '»',
  '«',
  '–',
  '…',
  'Ã¸',
  'â€',
  'Â ',
  'Der foretages altid en konkret og indi-\nviduel vurdering.',
  'æøå',
  'ÆØÅ',
];

const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** A text with a few edits at random places: each deletes up to 40 characters and inserts a few fragments. */
function edited(seed: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.array(fragment, { maxLength: 4 }));
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) =>
    edits.reduce((text, [position, deleted, inserted]) => {
      const at = position % (text.length + 1);
      return `${text.slice(0, at)}${inserted.join('')}${text.slice(at + deleted)}`;
    }, seed),
  );
}

/** Any text at all: the seed edited, a jumble of fragments, or random characters. */
export function anyText(seed: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: edited(seed) },
    { weight: 2, arbitrary: fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 300 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  );
}

/** Bytes that need not be UTF-8: the seed's bytes with bytes spliced in (Windows-1252 »ø« is 0xF8), or random bytes. */
export function anyBytes(seed: string): fc.Arbitrary<Uint8Array> {
  const seedBytes = Buffer.from(seed, 'utf8');
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.uint8Array({ maxLength: 6 }));
  return fc.oneof(
    fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) =>
      edits.reduce<Uint8Array>((bytes, [position, deleted, inserted]) => {
        const at = position % (bytes.length + 1);
        return Buffer.concat([bytes.subarray(0, at), inserted, bytes.subarray(at + deleted)]);
      }, seedBytes),
    ),
    fc.uint8Array({ maxLength: 300 }),
  );
}

/** Frontmatter keys worth putting odd values in: every field of a measure, a frame's, and keys JavaScript treats specially. */
export const FRONTMATTER_KEYS = [
  'id',
  'titel',
  'kategori',
  'alder',
  'formaal',
  'maalgruppe',
  'lovhjemmel',
  '$schema',
  'gyldig_fra',
  'status',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

/** A valid measure's frontmatter with one key set to any JSON value, written as YAML blocks or as JSON (flow) style. */
export function frontmatterWith(key: string, value: unknown, flow: boolean): string {
  const data: Record<string, unknown> = {
    id: 'praktisk-paedagogisk-stoette',
    titel: 'Praktisk pædagogisk støtte i hjemmet',
    kategori: 'Støttende indsatser',
    alder: { fra: 0, til: 17 },
  };
  Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true });
  const yaml = flow
    ? Object.entries(data)
        .map(([name, item]) => `${JSON.stringify(name)}: ${JSON.stringify(item) ?? 'null'}`)
        .join('\n')
    : stringify(data).trimEnd();
  return MEASURE_MARKDOWN.replace(/^---\n[\s\S]*?\n---\n/, `---\n${yaml}\n---\n`);
}

export const SECTION_KEYS = ['formaal', 'indhold', 'maalgruppe', 'omfang', 'tildeling', 'levering', 'kvalitetskrav', 'lovhjemmel'];

/** Prose to edit inside a JSON string: a section's text with the things the rules look for. */
export const MEASURE_TEXT =
  'Der foretages altid en konkret og individuel vurdering. Der gives højst 10 timer, tlf. 70 10 20 30. Barnets Lov § 32, stk. 1, nr. 2. [tilpasses]';

/** The JSON measure with one key set to any JSON value. */
export function jsonWith(key: string, value: unknown): string {
  const data = JSON.parse(MEASURE_JSON) as Record<string, unknown>;
  Object.defineProperty(data, key, { value, enumerable: true, configurable: true, writable: true });
  return JSON.stringify(data, null, 2);
}

const SEVERITY = fc.constantFrom('error', 'warning', 'off');

/** A regular expression a user could write; literals are escaped so they compile with the `u` flag the rules use. */
const PATTERN = fc
  .oneof(
    fc.constantFrom('xx kommune', String.raw`\bpladsholder\b`, 'skal altid', String.raw`\d+ timer`, 'højst', '(?:kun|alene) for', '^', '$', '', '.', '[æøå]+'),
    fc.string({ maxLength: 12 }).map((text) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')),
  )
  // ajv's »format: regex« checks a pattern without the `u` flag, the rules compile it with it: a pattern such as
  // »\-« or »a{« passes the schema and then throws in the rule, so such patterns are left out here.
  .filter((source) => {
    try {
      new RegExp(source, 'u');
      return true;
    } catch {
      return false;
    }
  });

function ruleSetting<T>(options: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof(SEVERITY, fc.record({ severity: SEVERITY, options }, { requiredKeys: [] }));
}

/** Configurations: mostly well-formed with random settings and options, sometimes any JSON at all. */
export const CONFIG = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        $schema: fc.constant('./schemas/config.schema.json'),
        rules: fc.record(
          {
            schema: fc.oneof(SEVERITY, fc.record({ severity: SEVERITY }, { requiredKeys: [] })),
            'individuel-vurdering': ruleSetting(
              fc.record(
                { scope: fc.constantFrom('measure', 'frame'), phrases: fc.array(PATTERN, { maxLength: 3 }), negations: fc.array(PATTERN, { maxLength: 3 }) },
                { requiredKeys: [] },
              ),
            ),
            lovhjemmel: ruleSetting(fc.constant({})),
            pladsholder: ruleSetting(fc.record({ patterns: fc.array(PATTERN, { maxLength: 3 }) }, { requiredKeys: [] })),
            personoplysninger: ruleSetting(
              fc.record(
                {
                  allow: fc.array(
                    fc.oneof(
                      fc.constantFrom('@eksempel-kommune.dk', '70 10 20 30', '+45 70 10 20 30', 'familie@eksempel-kommune.dk'),
                      fc.string({ minLength: 1, maxLength: 20 }),
                    ),
                    { maxLength: 4 },
                  ),
                },
                { requiredKeys: [] },
              ),
            ),
            'skoen-under-regel': ruleSetting(
              fc.record(
                {
                  sections: fc.subarray(['formaal', 'indhold', 'maalgruppe', 'omfang', 'tildeling', 'levering', 'kvalitetskrav']),
                  absolutes: fc.array(PATTERN, { maxLength: 3 }),
                  qualifiers: fc.array(PATTERN, { maxLength: 3 }),
                },
                { requiredKeys: [] },
              ),
            ),
            laesbarhed: ruleSetting(
              fc.record({ max: fc.double({ min: 10, max: 100, noNaN: true }), minWords: fc.integer({ min: 1, max: 200 }) }, { requiredKeys: [] }),
            ),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: fc.jsonValue() },
  { weight: 1, arbitrary: fc.object() },
);

/** A policy tree for one CLI run: the real register, a measure in Markdown and one in JSON, and maybe a config. */
export const CLI_TREE = fc
  .record({
    markdown: anyText(MEASURE_MARKDOWN),
    json: anyText(MEASURE_JSON),
    config: fc.option(CONFIG, { nil: undefined }),
    format: fc.constantFrom('pretty', 'json', 'github'),
  })
  .map(({ markdown, json, config, format }) => {
    const files: Record<string, string | Uint8Array> = {
      [REGISTER_FILE]: register(),
      [FRAME_FILE]: FRAME_MARKDOWN,
      [`${MEASURE_FILE}.md`]: markdown,
      [`${AREA}/foranstaltninger/netvaerksplejefamilie.json`]: json,
    };
    if (config !== undefined) files[CONFIG_FILE_NAME] = JSON.stringify(config) ?? 'null';
    return { files, format };
  });
