import { describe, expect, it } from 'vitest';
import { checkText, documentOf, lineOf, measureMarkdown } from '../helpers.js';

const FILE = 'policies/boern-og-unge/foranstaltninger/praktisk-paedagogisk-stoette.md';

describe('reading a measure written in Markdown', () => {
  it('turns frontmatter and the eight sections into one object', () => {
    const document = documentOf(FILE, 'foranstaltning', measureMarkdown());
    expect(document.data).toMatchObject({
      id: 'praktisk-paedagogisk-stoette',
      titel: 'Praktisk pædagogisk støtte i hjemmet',
      alder: { fra: 0, til: 17 },
      formaal: expect.stringContaining('styrke forældrenes omsorg') as string,
      lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 2.',
    });
  });

  it('keeps the source position of each section and frontmatter value', () => {
    const text = measureMarkdown();
    const document = documentOf(FILE, 'foranstaltning', text);
    const omfang = document.locations.get('/omfang');
    expect(omfang).toBeDefined();
    expect(document.lines.position(omfang!.value.start).line).toBe(lineOf(text, 'Som udgangspunkt 3-5 timer'));
    expect(document.lines.position(omfang!.key!.start)).toEqual({ line: lineOf(text, '## Omfang og varighed'), column: 1 });
    const til = document.locations.get('/alder/til');
    expect(document.lines.position(til!.value.start)).toEqual({ line: lineOf(text, 'til: 17'), column: 8 });
  });

  it('accepts the template headings written with a slash, other case and extra spaces', () => {
    const text = measureMarkdown()
      .replace('## Målgruppe og tildelingskriterier', '## Målgruppe/tildelingskriterier')
      .replace('## Omfang og varighed', '##   omfang / VARIGHED  ')
      .replace('## Kvalitetskrav til leverandør', '## Kvalitetskrav til leverandør:');
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([]);
    const document = documentOf(FILE, 'foranstaltning', text);
    expect(document.data).toHaveProperty('maalgruppe');
    expect(document.data).toHaveProperty('omfang');
  });

  it('warns about an unknown heading and does not read its text', () => {
    const text = measureMarkdown().replace('## Lovhjemmel', '## Økonomi\n\nPrisen er 600 kr. i timen.\n\n## Lovhjemmel');
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'schema',
        severity: 'warning',
        message: 'Ukendt overskrift »Økonomi«; afsnittet bliver ikke læst',
        start: { line: lineOf(text, '## Økonomi'), column: 4 },
      }),
    ]);
  });

  it('reports a duplicated heading as an error at the second one', () => {
    const text = `${measureMarkdown()}\n## Formål\n\nEt formål mere.\n`;
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      message: 'Overskriften »Formål« står to gange',
      start: { line: lineOf(text, '## Formål\n\nEt formål mere') },
    });
    expect(documentOf(FILE, 'foranstaltning', text).data).toHaveProperty('formaal', expect.stringContaining('styrke forældrenes') as string);
  });

  it('warns when the sections are not in the template order', () => {
    const text = measureMarkdown({ sections: { Formål: null } }).replace('## Lovhjemmel', '## Formål\n\nAt hjælpe familien.\n\n## Lovhjemmel');
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings.map((finding) => [finding.severity, finding.message])).toEqual([['warning', 'Afsnittet »Formål« står ikke i skabelonens rækkefølge']]);
  });

  it('accepts a title heading but warns about loose text outside any section', () => {
    const text = measureMarkdown().replace('## Formål', '# Praktisk pædagogisk støtte\n\nDenne tekst hører ikke til noget afsnit.\n\n## Formål');
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: 'Tekst uden for et afsnit bliver ikke læst',
        start: { line: lineOf(text, 'Denne tekst'), column: 1 },
      }),
    ]);
  });

  it('reads a file with a byte order mark and Windows line endings with the same positions', () => {
    const unix = measureMarkdown();
    const windows = `\uFEFF${unix.replaceAll('\n', '\r\n')}`;
    expect(checkText(FILE, 'foranstaltning', windows)).toEqual([]);
    const document = documentOf(FILE, 'foranstaltning', windows);
    expect(document.data).toEqual(documentOf(FILE, 'foranstaltning', unix).data);
    const location = document.locations.get('/tildeling')!;
    expect(document.lines.position(location.value.start)).toEqual({ line: lineOf(unix, 'Sagsbehandleren i Familieafdelingen'), column: 1 });
  });

  it('reports a section written as a frontmatter field', () => {
    const text = measureMarkdown().replace('kategori: Støttende indsatser', 'kategori: Støttende indsatser\nformaal: At hjælpe');
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: '»formaal« er et afsnit og skal skrives som overskriften »## Formål« under frontmatter',
        start: { line: lineOf(text, 'formaal:'), column: 1 },
      }),
    ]);
  });

  it('reports a missing frontmatter once, at the first line', () => {
    const text = measureMarkdown().replace(/^---\n[\s\S]*?\n---\n/, '');
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings[0]).toMatchObject({ message: 'Filen mangler frontmatter øverst', start: { line: 1, column: 1 } });
  });
});

describe('reading the role plan written in Markdown', () => {
  const plan = [
    '---',
    'titel: Rolle- og ansvarsfordeling',
    '---',
    '',
    ...['Politiker', 'Direktion', 'Fagledelse', 'Teamledelse', 'Sagsbehandlere'].flatMap((role) => [
      `## ${role}`,
      '',
      '### Udvikling',
      '',
      `- ${role} deltager i dialogmøder om serviceniveauet.`,
      '- Giver input til målgrupper og indsatser.',
      '',
      '### Implementering og forankring',
      '',
      `- ${role} formidler serviceniveauet.`,
      '',
      '### Opfølgning',
      '',
      `- ${role} følger op på data om foranstaltninger.`,
      '',
    ]),
  ].join('\n');

  it('turns roles and phases into lists of responsibilities', () => {
    const document = documentOf('policies/a/rolleplan.md', 'rolleplan', plan);
    expect(document.data).toMatchObject({
      titel: 'Rolle- og ansvarsfordeling',
      roller: expect.arrayContaining([
        {
          rolle: 'Direktion',
          udvikling: ['Direktion deltager i dialogmøder om serviceniveauet.', 'Giver input til målgrupper og indsatser.'],
          implementering: ['Direktion formidler serviceniveauet.'],
          opfoelgning: ['Direktion følger op på data om foranstaltninger.'],
        },
      ]) as unknown,
    });
    expect(checkText('policies/a/rolleplan.md', 'rolleplan', plan)).toEqual([]);
  });

  it('says which phase is missing for which role, at the role', () => {
    const text = plan.replace('### Opfølgning\n\n- Teamledelse følger op på data om foranstaltninger.\n', '');
    const findings = checkText('policies/a/rolleplan.md', 'rolleplan', text);
    expect(findings).toEqual([
      expect.objectContaining({
        message: 'Fasen »Opfølgning« mangler for rollen »Teamledelse«',
        start: { line: lineOf(text, '### Implementering og forankring\n\n- Teamledelse'), column: 1 },
      }),
    ]);
  });

  it('says which of the five roles is missing', () => {
    const text = plan.slice(0, plan.indexOf('## Fagledelse')) + plan.slice(plan.indexOf('## Teamledelse'));
    const findings = checkText('policies/a/rolleplan.md', 'rolleplan', text);
    expect(findings.map((finding) => finding.message)).toEqual(['Rolleplanen mangler rollen »Fagledelse«']);
  });

  it('warns about prose in a phase that is not a list', () => {
    const text = plan.replace('- Politiker formidler serviceniveauet.', 'Politikeren formidler serviceniveauet.');
    const findings = checkText('policies/a/rolleplan.md', 'rolleplan', text);
    expect(findings.map((finding) => [finding.severity, finding.message])).toEqual([
      ['warning', 'Tekst i en fase skal stå som punkter; denne tekst bliver ikke læst'],
      ['warning', 'Fasen »Implementering og forankring« for rollen »Politiker« er tom'],
    ]);
  });
});
