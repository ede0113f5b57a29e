import { readFileSync, writeFileSync } from 'node:fs';
import type { Node, Parent } from 'unist';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { FieldChange, MeasureChange, Round } from '../../scripts/revision/model.js';
import { presentChangelog } from '../../scripts/revision/present/changelog.js';
import { renderChangelogMarkdown } from '../../scripts/revision/render-markdown.js';
import { sampleRound } from './sample-round.js';

const GOLDEN = new URL('./golden/sample-round.md', import.meta.url);

/** Compares with a golden file; `UPDATE_GOLDEN=1 npx vitest run tests/revision` rewrites it after a change you have read. */
function expectGolden(actual: string, file: URL): void {
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The sample round with one field of the added measure, Mentor til unge, replaced. */
function roundWithMentorText(field: 'indhold' | 'omfang', text: string): Round {
  const round = sampleRound();
  round.after.measures = round.after.measures.map((measure) => (measure.id === 'mentorordning' ? { ...measure, [field]: text } : measure));
  return round;
}

/** A round with one changed field. */
function roundWithField(field: Partial<FieldChange> & Pick<FieldChange, 'before' | 'after'>): Round {
  const round = sampleRound();
  round.changelog.changes = [
    {
      id: 'familiebehandling',
      titel: 'Familiebehandling',
      kind: 'changed',
      fields: [{ field: 'indhold', class: 'content', change: 'tekst-aendret', ...field }],
    },
  ];
  return round;
}

/** What CommonMark makes of the Markdown: the node types (all, and those in the quoted policy text) and the text of each strong node. */
function parsed(markdown: string): { types: Set<string>; quotedTypes: Set<string>; strong: string[]; text: string } {
  const types = new Set<string>();
  const quotedTypes = new Set<string>();
  const strong: string[] = [];
  let text = '';
  const textOf = (node: Node): string => ('value' in node ? String(node.value) : 'children' in node ? (node as Parent).children.map(textOf).join('') : '');
  const visit = (node: Node, quoted: boolean) => {
    types.add(node.type);
    if (quoted) quotedTypes.add(node.type);
    if (node.type === 'strong') strong.push(textOf(node));
    if (node.type === 'text') text += String((node as Node & { value: string }).value);
    if ('children' in node) for (const child of (node as Parent).children) visit(child, quoted || node.type === 'blockquote');
  };
  visit(unified().use(remarkParse).parse(markdown), false);
  return { types, quotedTypes, strong, text };
}

/** The numbered amendments of a Markdown changelog, as »1. …« lines: what GitHub shows as the ordered list. */
function markdownAmendments(markdown: string): { number: number; text: string }[] {
  return [...markdown.matchAll(/^(\d+)\. (.*)$/gm)].map((match) => ({ number: Number(match[1]), text: match[2]!.replace(/\\(.)/g, '$1') }));
}

/** A round whose Familiebehandling has a one-word change in each of `count` sections: as many amendments. */
function roundWithAmendments(count: number): Round {
  const round = sampleRound();
  const sections = ['formaal', 'indhold', 'maalgruppe', 'omfang', 'tildeling', 'levering'].slice(0, count);
  round.changelog.changes.push({
    id: 'familiebehandling',
    titel: 'Familiebehandling',
    kind: 'changed',
    fields: sections.map((field) => ({
      field,
      class: 'content',
      change: 'tekst-aendret',
      before: 'Familiebehandlerne i Familiehuset står for behandlingen.',
      after: 'Familiebehandlerne i Familiecentret står for behandlingen.',
    })),
  });
  return round;
}

/** A round touching `count` measures: every tenth has a material change in Omfang, the rest an editorial one in Formål. */
function largeRound(count: number, words = 12): Round {
  const round = sampleRound();
  const sentence = (hours: number) =>
    `Som udgangspunkt ${hours} timer om ugen. ${'Familien får støtte i hverdagen efter en konkret og individuel vurdering. '.repeat(Math.ceil(words / 10))}`.trim();
  const changes: MeasureChange[] = Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(4, '0');
    const material = index % 10 === 9;
    const field: FieldChange = material
      ? { field: 'omfang', class: 'material', change: 'omfang-reduceret', before: sentence(10), after: sentence(8), note: '10 timer → 8 timer (−20 %)' }
      : {
          field: 'formaal',
          class: 'editorial',
          change: 'tekst-redaktionel',
          before: `${sentence(10)} Formålet er tryghed`,
          after: `${sentence(10)} Formålet er tryghed.`,
        };
    return { id: `indsats-${number}`, titel: `Indsats ${number}`, kind: 'changed', fields: [field] };
  });
  round.changelog.changes = changes;
  return round;
}

describe('the amendments in the Markdown changelog (the PR comment)', () => {
  it('lists the same numbered amendments as the HTML and Word documents, material changes first', () => {
    const round = roundWithAmendments(2);
    const markdown = renderChangelogMarkdown(round);
    const expected = presentChangelog(round).amendments;
    expect(markdownAmendments(markdown)).toEqual(expected);
    expect(expected.map((amendment) => amendment.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // The material reduction in Praktisk pædagogisk støtte is no. 1; the content changes of Familiebehandling follow the new measure, no. 4.
    expect(markdown.indexOf('1. I afsnittet »Omfang og varighed« ændres »10 timer« til: »8 timer«.')).toBeLessThan(
      markdown.indexOf('5. I afsnittet »Formål« ændres »Familiehuset« til: »Familiecentret«.'),
    );
    expect(markdown.indexOf('**Ændringsforslag**\n\n5.')).toBeGreaterThan(markdown.indexOf('### Familiebehandling'));
  });

  it('shows a few short amendments open, without <details>', () => {
    const markdown = renderChangelogMarkdown(roundWithAmendments(3));
    expect(markdown).not.toContain('<details>');
    expect(markdown).toContain('**Ændringsforslag**\n\n5. I afsnittet »Formål«');
  });

  it('folds many amendments of a measure in <details>, with their numbers in the summary', () => {
    const markdown = renderChangelogMarkdown(roundWithAmendments(4));
    expect(markdown).toContain('<details><summary>Ændringsforslag 5–8 (4)</summary>\n\n5. I afsnittet »Formål« ændres »Familiehuset« til: »Familiecentret«.\n');
    expect(markdown).toContain('8. I afsnittet »Omfang og varighed« ændres »Familiehuset« til: »Familiecentret«.\n\n</details>\n');
    // GitHub reads Markdown inside <details> only after a blank line; the list is still a list.
    expect(parsed(markdown).types.has('list')).toBe(true);
    expect(markdownAmendments(markdown).map((amendment) => amendment.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('folds one amendment that quotes a long text, and escapes what the text holds', () => {
    const long = `${'Familien får hjælp til at skabe faste rutiner og en god hverdag med barnet. '.repeat(10)}Se <details>.`;
    const markdown = renderChangelogMarkdown(roundWithField({ before: 'Kort tekst om indsatsen.', after: long }));
    expect(markdown).toContain('<details><summary>Ændringsforslag 1 (1)</summary>');
    expect(markdown).toContain('Se \\<details\\>.«.');
    // Only the fold is HTML: the policy text's »<details>« is text.
    expect(markdown.match(/<details>/g)).toHaveLength(1);
  });

  it('cuts a long round with its amendments at a measure boundary, so the numbers shown run 1, 2, 3, … without a gap', () => {
    const maxBytes = 60_000;
    const markdown = renderChangelogMarkdown(largeRound(1_000), { maxBytes });
    expect(Buffer.byteLength(markdown, 'utf8')).toBeLessThanOrEqual(maxBytes);
    const numbers = markdownAmendments(markdown).map((amendment) => amendment.number);
    const shown = markdown.match(/^### Indsats \d{4}$/gm) ?? [];
    expect(numbers).toEqual(Array.from({ length: shown.length }, (_, index) => index + 1));
    expect(markdown).toContain('er udeladt her med deres ændringsforslag');
  });
});

describe('renderChangelogMarkdown', () => {
  it('renders the sample round exactly as the golden file', () => {
    expectGolden(renderChangelogMarkdown(sampleRound()), GOLDEN);
  });

  it('is the same, byte for byte, every time', () => {
    expect(renderChangelogMarkdown(sampleRound())).toBe(renderChangelogMarkdown(sampleRound()));
  });

  it('names the kommune and the round in the heading, and counts the changes by class, the new Mentor til unge as one material change', () => {
    const markdown = renderChangelogMarkdown(sampleRound());
    expect(markdown.split('\n')[0]).toBe('## Ændringer i serviceniveauet: Eksempel Kommune');
    expect(markdown).toContain('revisionsrunde fra vedtaget/2025-02-11 til forslag-2026');
    expect(markdown).toContain('| Væsentlige ændringer | 3 |');
    expect(markdown).toContain('| Indholdsmæssige ændringer | 0 |');
    expect(markdown).toContain('| Redaktionelle ændringer | 2 |');
    expect(markdown).toContain('| Nye foranstaltninger | 1 |');
  });

  it('puts a measure with a material change before an editorial one, and material fields first inside a measure', () => {
    const round = sampleRound();
    const [reduced, added, frame] = round.changelog.changes as [MeasureChange, MeasureChange, MeasureChange];
    round.changelog.changes = [frame, { ...reduced, fields: [...reduced.fields].reverse() }, added];
    const markdown = renderChangelogMarkdown(round);
    const order = ['### Praktisk pædagogisk støtte i hjemmet', '### Mentor til unge', '### Serviceniveauets ramme'].map((heading) => markdown.indexOf(heading));
    expect(order.every((position) => position > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const editorial = markdown.indexOf('**Kvalitetskrav til leverandør** · Redaktionel');
    expect(markdown.indexOf('**Omfang og varighed** · Væsentlig')).toBeLessThan(editorial);
    expect(markdown.indexOf('**Tildeling** · Væsentlig')).toBeLessThan(editorial);
  });

  it('shows the reduction in Omfang og varighed with »10« struck out and »8« in bold, and the change id and note', () => {
    const markdown = renderChangelogMarkdown(sampleRound());
    expect(markdown).toContain(
      '**Omfang og varighed** · Væsentlig · `omfang-reduceret` · 10 timer → 8 timer (−20 %)\n\n> Som udgangspunkt ~~10~~**8** timer om ugen i op til 6 måneder.',
    );
    expect(parsed(markdown).strong).toContain('8');
  });

  it('widens a punctuation change inside a word to the whole word, so GitHub still shows it', () => {
    const markdown = renderChangelogMarkdown(roundWithField({ before: 'Familien får besøg hver måned', after: 'Familien får besøg hver måned.' }));
    expect(markdown).toContain('> Familien får besøg hver ~~måned~~**måned.**');
    expect(parsed(markdown).strong).toContain('måned.');
  });

  it('keeps the lines of a changed list, each mark closed on its own line', () => {
    const markdown = renderChangelogMarkdown(
      roundWithField({
        before: '- Tidlig indsats.\n- Sammenhæng på tværs.',
        after: '- Tidlig og forebyggende indsats.\n- Sammenhæng på tværs.\n- Inddragelse af familien.',
      }),
    );
    expect(markdown).toContain('> \\- Tidlig **og forebyggende** indsats.\\\n> \\- Sammenhæng på tværs.\\\n> **- Inddragelse af familien.**');
    expect(parsed(markdown).quotedTypes.has('list')).toBe(false);
    expect(parsed(markdown).strong).toEqual(expect.arrayContaining(['og forebyggende', '- Inddragelse af familien.']));
  });

  it('shows HTML, links and formatting in policy text as the text the officer wrote', () => {
    const text =
      'Se <img src=x onerror=alert(1)> og [klik](javascript:alert(1)), **fed** tekst, <https://example.org> og www.example.org.\n# Ikke en overskrift\n1. Ikke en liste\n---\n> Ikke et citat';
    const markdown = renderChangelogMarkdown(roundWithMentorText('indhold', text));
    const section = markdown.slice(markdown.indexOf('**Indhold**\n'), markdown.indexOf('**Målgruppe og tildelingskriterier**'));
    const tree = parsed(section.slice(section.indexOf('\n')));
    expect([...tree.types].sort()).toEqual(['blockquote', 'break', 'paragraph', 'root', 'text']);
    expect(tree.text).toContain('Se <img src=x onerror=alert(1)> og [klik](javascript:alert(1)), **fed** tekst, <https://example.org> og www.example.org.');
    expect(tree.text).toContain('# Ikke en overskrift');
  });

  it('shows @user and @org/team in policy text without pinging them, and leaves an e-mail address as it is', () => {
    const text = 'Spørgsmål til @jens-hansen eller @kommunen/boernefamilie (cc:@leder), og skriv til anna@kommune.dk.';
    const markdown = renderChangelogMarkdown(roundWithMentorText('indhold', text));
    expect(markdown).toContain('til @&#8288;jens-hansen eller @&#8288;kommunen/boernefamilie (cc:@&#8288;leder), og skriv til anna@kommune.dk.');
    // GitHub finds mentions in the rendered text: there an @ is never directly followed by a name
    expect(parsed(markdown).text).not.toMatch(/(^|[^A-Za-z0-9_])@[A-Za-z0-9]/);
    expect(parsed(markdown).text).toContain('@\u2060jens-hansen');
  });

  it('escapes a mention inside a redline, where the changed words are bold', () => {
    const markdown = renderChangelogMarkdown(roundWithField({ before: 'Kontakt sagsbehandleren.', after: 'Kontakt @sagsbehandler-team.' }));
    expect(markdown).toContain('@&#8288;sagsbehandler-team');
    expect(parsed(markdown).text).not.toMatch(/(^|[^A-Za-z0-9_])@[A-Za-z0-9]/);
  });

  it('shows the <script> in the added measure as text', () => {
    const markdown = renderChangelogMarkdown(sampleRound());
    expect(markdown).toContain('> En mentor mødes med den unge hver uge \\<script\\>alert(1)\\</script\\>.');
    expect(parsed(markdown).types.has('html')).toBe(false);
  });

  it('shows the whole text of an added measure, with its kategori', () => {
    const markdown = renderChangelogMarkdown(sampleRound());
    expect(markdown).toContain('### Mentor til unge\n\nNy · `mentorordning` · Væsentlig\n\nHele foranstaltningen er ny:\n\n**Kategori:** Støttende indsatser');
    expect(markdown).toContain('**Lovhjemmel**\n\n> Barnets Lov § 32, stk. 1, nr. 3.');
  });

  it("names the frame's sections and the role plan's cells by their own headings", () => {
    const round = sampleRound();
    round.changelog.changes = [
      {
        id: 'serviceniveau',
        titel: 'Serviceniveauets ramme',
        kind: 'changed',
        fields: [{ field: 'maalgruppe', class: 'material', change: 'maalgruppe-indsnaevret', before: 'Børn og unge 0-18 år.', after: 'Børn og unge 0-17 år.' }],
      },
      {
        id: 'rolleplan',
        titel: 'Rolleplan',
        kind: 'changed',
        fields: [
          {
            field: 'roller.Politiker.udvikling',
            class: 'content',
            change: 'rolleplan-aendret',
            before: 'Træffer beslutningen.',
            after: 'Træffer den endelige beslutning.',
          },
        ],
      },
    ];
    const markdown = renderChangelogMarkdown(round);
    expect(markdown).toContain('**Målgruppe** · Væsentlig · `maalgruppe-indsnaevret`');
    expect(markdown).toContain('**Politiker: Udvikling** · Indholdsmæssig · `rolleplan-aendret`\n\n> Træffer ~~beslutningen~~**den endelige beslutning**.');
  });

  it('lists the accepted deviations with file and line, rules and reason', () => {
    const markdown = renderChangelogMarkdown(sampleRound());
    expect(markdown).toContain('### Godkendte afvigelser');
    expect(markdown).toContain('| `policies/boern-og-unge/foranstaltninger/mentorordning.md:20` | `skoen-under-regel` | Loven fastsætter selv grænsen |');
  });

  it('leaves out the section on deviations when the round has none', () => {
    const round = sampleRound();
    round.deviations = [];
    expect(renderChangelogMarkdown(round)).not.toContain('Godkendte afvigelser');
  });

  it('says so when a round has no changes', () => {
    const round = sampleRound();
    round.changelog.changes = [];
    round.deviations = [];
    expect(renderChangelogMarkdown(round)).toContain('Runden indeholder ingen ændringer.');
  });

  it('cuts a round of 1,000 measures at a measure boundary, keeps the material ones, and says how many were left out', () => {
    const maxBytes = 60_000;
    const markdown = renderChangelogMarkdown(largeRound(1_000), { maxBytes });
    expect(Buffer.byteLength(markdown, 'utf8')).toBeLessThanOrEqual(maxBytes);
    const shown = markdown.match(/^### Indsats \d{4}$/gm) ?? [];
    expect(shown.length).toBeGreaterThan(10);
    expect(shown.length).toBeLessThan(1_000);
    // the hundred material measures (every tenth) come first
    expect(shown.slice(0, 100)).toEqual(Array.from({ length: 100 }, (_, index) => `### Indsats ${String((index + 1) * 10).padStart(4, '0')}`));
    expect(markdown).toContain(`> **Bemærk:** Oversigten er forkortet: ${1_000 - shown.length} af 1.000 berørte foranstaltninger er udeladt her`);
    expect(markdown).toContain('Den fulde ændringsoversigt står i HTML- og Word-dokumentet, som ligger som artefakt på workflow-kørslen.');
    // every measure shown is whole: its heading, its meta line and its redline
    const lastHeading = markdown.lastIndexOf(shown.at(-1)!);
    expect(markdown.slice(lastHeading)).toMatch(
      /^### Indsats \d{4}\n\nÆndret · `indsats-\d{4}` · [^\n]+\n\n\*\*[^\n]+\n\n> [^\n]+\n\n\*\*Ændringsforslag\*\*\n\n\d+\. [^\n]+\n\n### Godkendte afvigelser/,
    );
    expect(markdown.endsWith('workflow-kørslen.\n')).toBe(true);
  });

  it('keeps a round of 1,000 measures with long texts under the default 1,000,000 bytes', () => {
    const markdown = renderChangelogMarkdown(largeRound(1_000, 200));
    expect(Buffer.byteLength(markdown, 'utf8')).toBeLessThanOrEqual(1_000_000);
    expect(markdown).toMatch(/Oversigten er forkortet: \d+ af 1\.000 berørte foranstaltninger er udeladt her/);
  });

  it('does not cut a round that fits', () => {
    const markdown = renderChangelogMarkdown(largeRound(20));
    expect(markdown.match(/^### Indsats \d{4}$/gm)).toHaveLength(20);
    expect(markdown).not.toContain('Oversigten er forkortet');
  });
});

describe('the redline on pathological text (a hang guard, no timing)', () => {
  it('marks a change that holds 200,000 pasted spaces, next to a 200 KB word', () => {
    const spaces = ' '.repeat(200_000);
    const word = 'a'.repeat(200_000);
    const markdown = renderChangelogMarkdown(
      roundWithField({ before: `${word} Familien får besøg. Slut.`, after: `${word} Familien får hjælp${spaces}og råd. Slut.` }),
    );
    expect(markdown.includes(`Familien får ~~besøg~~**hjælp${spaces}og råd**.`)).toBe(true); // not toContain: its diff of 400 KB is slow
  }, 10_000); // the old trim pattern took 25 s here; this takes milliseconds
});
