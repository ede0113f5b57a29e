import { describe, expect, it } from 'vitest';
import { ExternalHyperlink, Table, TableCell, TableRow, TextRun } from 'docx';
import {
  bold,
  bookmark,
  bullet,
  commented,
  docxOf,
  fieldTable,
  footnote,
  frame,
  heading,
  image,
  italic,
  labelled,
  plain,
  plainTable,
  runs,
  templateMeasure,
  text,
} from './docx-fixtures.js';
import { importInto, sectionsOf } from './helpers.js';

const GUIDANCE_INDHOLD = '[Her beskrives, hvad der gives til barnet eller den unge.]';

describe('layout (a): the ministry template, a table per measure', () => {
  it('reads the eight fields from the table, drops the template guidance and keeps the title exactly', async () => {
    const bytes = await docxOf([
      ...frame(),
      heading(1, 'Serviceniveau'),
      ...templateMeasure('Familiebehandling – i hjemmet', {
        formaal: [text('Formålet er at styrke familien, så barnet kan blive boende hjemme.')],
        indhold: [text('Familien får samtaler med en familiebehandler:'), bullet('samtaler med hele familien'), bullet('forældresamtaler')],
        maalgruppe: [text('Familier med børn 0-17 år. Der foretages altid en konkret og individuel vurdering af barnets eller den unges behov.')],
        omfang: [text('Typisk 2 timer om ugen i op til 6 måneder.')],
        tildeling: [text('Sagsbehandleren i Familieafdelingen træffer afgørelsen.')],
        levering: [text('Familiehuset står for behandlingen.')],
        kvalitetskrav: [text('Der følges op efter 3 måneder.')],
        lovhjemmel: [text('Barnets Lov § 32, stk. 1, nr. 3')],
      }),
      ...templateMeasure('Aflastning', { formaal: [text('Forældrene får et pusterum.')] }),
    ]);
    const { report, file } = await importInto(bytes);
    expect(report.foranstaltninger.map((measure) => [measure.id, measure.titel])).toEqual([
      ['familiebehandling-i-hjemmet', 'Familiebehandling – i hjemmet'],
      ['aflastning', 'Aflastning'],
    ]);
    const measure = file('policies/test/foranstaltninger/familiebehandling-i-hjemmet.md');
    expect(measure.startsWith('---\nid: familiebehandling-i-hjemmet\ntitel: "Familiebehandling – i hjemmet"\n---\n')).toBe(true);
    expect(sectionsOf(measure)).toEqual({
      Formål: 'Formålet er at styrke familien, så barnet kan blive boende hjemme.',
      Indhold: 'Familien får samtaler med en familiebehandler:\n\n- samtaler med hele familien\n- forældresamtaler',
      'Målgruppe og tildelingskriterier': 'Familier med børn 0-17 år. Der foretages altid en konkret og individuel vurdering af barnets eller den unges behov.',
      'Omfang og varighed': 'Typisk 2 timer om ugen i op til 6 måneder.',
      Tildeling: 'Sagsbehandleren i Familieafdelingen træffer afgørelsen.',
      'Levering af ydelsen': 'Familiehuset står for behandlingen.',
      'Kvalitetskrav til leverandør': 'Der følges op efter 3 måneder.',
      Lovhjemmel: 'Barnets Lov § 32, stk. 1, nr. 3',
    });
    expect(measure).not.toContain('Her beskrives, hvorfor');
    const aflastning = report.foranstaltninger[1]!;
    expect(aflastning.felter).toEqual(['formaal']);
    expect(aflastning.mangler).toEqual(['indhold', 'maalgruppe', 'omfang', 'tildeling', 'levering', 'kvalitetskrav', 'lovhjemmel']);
    expect(sectionsOf(file('policies/test/foranstaltninger/aflastning.md'))['Indhold']).toBe(GUIDANCE_INDHOLD);
  });

  it('writes the frame with status udkast, the kommune the document names and the mayor from the signature', async () => {
    const { file, report } = await importInto(await docxOf([...frame('Solbjerg Kommune'), ...templateMeasure('Aflastning', {})]));
    const serviceniveau = file('policies/test/serviceniveau.md');
    expect(serviceniveau).toContain('\nkommune: "Solbjerg Kommune"\n');
    expect(serviceniveau).toContain('\nomraade: "Børn og unge med særlige behov"\n');
    expect(serviceniveau).toContain('\nstatus: udkast\n');
    expect(serviceniveau).toContain('underskriver:\n  navn: "Anne Kjær Mortensen"\n  titel: "Borgmester"\n');
    const sections = sectionsOf(serviceniveau);
    expect(sections['Forord']).toContain('Det er en glæde at kunne præsentere Solbjerg Kommunes serviceniveau');
    expect(sections['Forord']).toMatch(/Med venlig hilsen\n\nAnne Kjær Mortensen\\\nBorgmester$/);
    expect(sections['Principper']).toBe(
      'Disse principper styrer vores arbejde:\n\n- Vi hjælper tidligt, før små problemer vokser.\n- Børn skal så vidt muligt vokse op i deres egen familie.',
    );
    expect(sections['Målgruppe']).toContain('Serviceniveauet gælder børn og unge fra 0 til 18 år');
    expect(report.filer.map((entry) => [entry.sti, entry.art])).toEqual([
      ['policies/test/serviceniveau.md', 'serviceniveau'],
      ['policies/test/foranstaltninger/aflastning.md', 'foranstaltning'],
    ]);
  });
});

describe('layout (b): a heading per measure with the fields as sub-headings', () => {
  it('reads each sub-heading into its field and keeps bold, italic, links and numbered lists', async () => {
    const bytes = await docxOf([
      heading(1, 'Forebyggende indsatser'),
      heading(2, 'Netværksmøde'),
      heading(3, 'Formål'),
      runs(plain('Et netværksmøde samler familiens '), bold('egne'), plain(' ressourcer om barnet.')),
      heading(3, 'Indhold'),
      new (await import('docx')).Paragraph({ text: 'Sagsbehandleren inviterer netværket.', numbering: undefined }),
      runs(plain('Se mere på '), new ExternalHyperlink({ link: 'https://www.example.dk/netvaerk', children: [new TextRun('kommunens side')] }), plain('.')),
      heading(3, 'Målgruppe og tildelingskriterier'),
      runs(italic('Familier'), plain(', hvor netværket kan bære en del af hjælpen.')),
      heading(3, 'Lovhjemmel'),
      text('Barnets Lov § 30'),
      heading(2, 'Åben rådgivning'),
      heading(3, 'Formål'),
      text('Hurtig og anonym rådgivning til familier.'),
    ]);
    const { report, file } = await importInto(bytes);
    expect(report.foranstaltninger.map((measure) => measure.titel)).toEqual(['Netværksmøde', 'Åben rådgivning']);
    const sections = sectionsOf(file('policies/test/foranstaltninger/netvaerksmoede.md'));
    expect(sections['Formål']).toBe('Et netværksmøde samler familiens **egne** ressourcer om barnet.');
    expect(sections['Indhold']).toBe('Sagsbehandleren inviterer netværket.\n\nSe mere på [kommunens side](https://www.example.dk/netvaerk).');
    expect(sections['Målgruppe og tildelingskriterier']).toBe('*Familier*, hvor netværket kan bære en del af hjælpen.');
    expect(sections['Lovhjemmel']).toBe('Barnets Lov § 30');
    expect(report.foranstaltninger[0]!.mangler).toEqual(['omfang', 'tildeling', 'levering', 'kvalitetskrav']);
    expect(report.foranstaltninger[1]!.id).toBe('aaben-raadgivning');
  });
});

describe('layout (c): a heading per measure with bold run-in labels', () => {
  it('starts a field at each »Label:« and keeps the rest of the paragraph', async () => {
    const bytes = await docxOf([
      heading(2, 'Fast kontaktperson'),
      labelled('Formål:', 'Den unge får en voksen, der er til at stole på.'),
      labelled('Indhold:', 'Kontaktpersonen mødes med den unge hver uge.'),
      text('Møderne kan foregå, hvor den unge har det godt.'),
      runs(bold('Omfang'), plain(': Typisk 4 timer om ugen.')),
      labelled('Lovhjemmel:', 'Barnets Lov § 32, stk. 1, nr. 4'),
    ]);
    const { report, file } = await importInto(bytes);
    const sections = sectionsOf(file('policies/test/foranstaltninger/fast-kontaktperson.md'));
    expect(sections['Formål']).toBe('Den unge får en voksen, der er til at stole på.');
    expect(sections['Indhold']).toBe('Kontaktpersonen mødes med den unge hver uge.\n\nMøderne kan foregå, hvor den unge har det godt.');
    expect(sections['Omfang og varighed']).toBe('Typisk 4 timer om ugen.');
    expect(sections['Lovhjemmel']).toBe('Barnets Lov § 32, stk. 1, nr. 4');
    expect(report.foranstaltninger[0]!.felter).toEqual(['formaal', 'indhold', 'omfang', 'lovhjemmel']);
  });
});

describe('layout (d): citizen questions as labels', () => {
  it('maps the questions, as headings, bold lines and table labels, to the fields', async () => {
    const bytes = await docxOf([
      heading(2, 'Aflastning i weekenden'),
      heading(3, 'Hvad er formålet?'),
      text('Forældrene får tid til at hvile, og barnet får gode oplevelser.'),
      heading(3, 'Hvem kan få aflastning?'),
      text('Familier med et barn med en betydelig funktionsnedsættelse.'),
      runs(bold('Hvor meget kan jeg få?')),
      text('Som regel én weekend om måneden.'),
      labelled('Hvem træffer afgørelsen?', 'Sagsbehandleren i Handicapteamet.'),
      heading(2, 'Kontaktfamilie'),
      fieldTable([
        ['Hvad er formålet?', [text('Barnet får en ekstra familie at komme i.')]],
        ['Hvem leverer hjælpen?', [text('Godkendte kontaktfamilier.')]],
        ['Lovgrundlag', [text('Barnets Lov § 32, stk. 1, nr. 7')]],
      ]),
    ]);
    const { report, file } = await importInto(bytes);
    const weekend = sectionsOf(file('policies/test/foranstaltninger/aflastning-i-weekenden.md'));
    expect(weekend['Formål']).toBe('Forældrene får tid til at hvile, og barnet får gode oplevelser.');
    expect(weekend['Målgruppe og tildelingskriterier']).toBe('Familier med et barn med en betydelig funktionsnedsættelse.');
    expect(weekend['Omfang og varighed']).toBe('Som regel én weekend om måneden.');
    expect(weekend['Tildeling']).toBe('Sagsbehandleren i Handicapteamet.');
    const kontakt = sectionsOf(file('policies/test/foranstaltninger/kontaktfamilie.md'));
    expect(kontakt['Formål']).toBe('Barnet får en ekstra familie at komme i.');
    expect(kontakt['Levering af ydelsen']).toBe('Godkendte kontaktfamilier.');
    expect(kontakt['Lovhjemmel']).toBe('Barnets Lov § 32, stk. 1, nr. 7');
    expect(report.foranstaltninger.map((measure) => measure.felter)).toEqual([
      ['formaal', 'maalgruppe', 'omfang', 'tildeling'],
      ['formaal', 'levering', 'lovhjemmel'],
    ]);
  });

  it('takes a kommune’s own labels from the config file', async () => {
    const bytes = await docxOf([heading(2, 'Mentor'), heading(3, 'Det vil vi opnå'), text('Den unge kommer i uddannelse.')]);
    const config = JSON.stringify({ import: { labels: { foranstaltning: { formaal: ['Det vil vi opnå'] } } } });
    const { file } = await importInto(bytes, {}, { 'serviceniveau.config.json': config });
    expect(sectionsOf(file('policies/test/foranstaltninger/mentor.md'))['Formål']).toBe('Den unge kommer i uddannelse.');
  });
});

describe('the role plan', () => {
  it('reads a role × phase table into rolleplan.md, one bullet per responsibility', async () => {
    const bytes = await docxOf([
      heading(1, 'Rolle- og ansvarsfordeling'),
      plainTable([
        ['', 'Udvikling', 'Implementering og forankring', 'Opfølgning'],
        [
          'Politiker',
          '- Forklarer behovet for et serviceniveau.\n- Træffer beslutningen.',
          '- Fortæller borgerne om serviceniveauet.',
          '- Får en årlig status.',
        ],
        ['Direktion', 'Sætter rammen.', '', 'Følger op hvert kvartal.'],
      ]),
    ]);
    const { report, file } = await importInto(bytes);
    expect(report.filer.map((entry) => entry.art)).toContain('rolleplan');
    expect(file('policies/test/rolleplan.md')).toBe(
      [
        '---\ntitel: "Rolle- og ansvarsfordeling for serviceniveauet"\n---\n',
        '## Politiker\n\n### Udvikling\n\n- Forklarer behovet for et serviceniveau.\n- Træffer beslutningen.\n\n### Implementering og forankring\n\n- Fortæller borgerne om serviceniveauet.\n\n### Opfølgning\n\n- Får en årlig status.\n',
        '## Direktion\n\n### Udvikling\n\n- Sætter rammen.\n\n### Implementering og forankring\n\n### Opfølgning\n\n- Følger op hvert kvartal.\n',
      ].join('\n'),
    );
  });
});

describe('Word artefacts and what is not imported', () => {
  it('removes bookmarks, soft hyphens, non-breaking spaces, empty paragraphs and line breaks inside a sentence; keeps footnotes', async () => {
    const bytes = await docxOf(
      [
        heading(2, 'Praktisk pædagogisk støtte'),
        heading(3, 'Formål'),
        runs(bookmark('_Toc186137537', 'Støtten'), plain(' styrker foræl\u00ADdrene i den daglige\u00A0omsorg.'), footnote(1)),
        text(''),
        runs(plain('Familien får hjælp til faste'), new TextRun({ text: 'rutiner om morgenen.', break: 1 })),
        heading(3, 'Indhold'),
        runs(plain('[bookmark: _Toc186137538]Konsulenten kommer i hjemmet.')),
      ],
      { footnotes: { 1: 'Se kommunens børnepolitik.' } },
    );
    const { file } = await importInto(bytes);
    const sections = sectionsOf(file('policies/test/foranstaltninger/praktisk-paedagogisk-stoette.md'));
    expect(sections['Formål']).toBe(
      'Støtten styrker forældrene i den daglige omsorg.[^1]\n\nFamilien får hjælp til faste rutiner om morgenen.\n\n[^1]: Se kommunens børnepolitik.',
    );
    expect(sections['Indhold']).toBe('Konsulenten kommer i hjemmet.');
  });

  it('names images and comments in the report, with the measure they were in, and leaves them out', async () => {
    const bytes = await docxOf(
      [
        heading(2, 'Døgnophold'),
        heading(3, 'Formål'),
        runs(image(), plain('Familien bor på institutionen i en periode.')),
        runs(...commented(0, 'Forældrene lærer at passe barnet.')),
        runs(image(), plain('Personalet er med i hverdagen.'), image()),
      ],
      { comments: [{ id: 0, text: 'Skal ventetiden med?' }] },
    );
    const { report, file } = await importInto(bytes);
    expect(report.ikkeImporteret).toEqual([
      { art: 'billede', antal: 3, placering: 'afsnit 3 og 5, under »Døgnophold«' },
      { art: 'kommentar', antal: 1, placering: 'afsnit 4, under »Døgnophold«' },
    ]);
    const measure = file('policies/test/foranstaltninger/doegnophold.md');
    expect(sectionsOf(measure)['Formål']).toBe(
      'Familien bor på institutionen i en periode.\n\nForældrene lærer at passe barnet.\n\nPersonalet er med i hverdagen.',
    );
    expect(measure).not.toContain('ventetiden');
  });

  it('puts text that fits no field in a marked section, names it in the report, and check warns about it', async () => {
    const bytes = await docxOf([
      heading(2, 'Ungestøtte'),
      text('Indsatsen er ny fra 2025.'),
      labelled('Formål:', 'Den unge får hjælp til at klare sig selv.'),
      fieldTable([
        ['Indhold', [text('Hjælp til bolig og uddannelse.')]],
        ['Økonomi', [text('Afholdes af Ungeområdets budget.')]],
      ]),
    ]);
    const { report, file } = await importInto(bytes);
    const measure = report.foranstaltninger[0]!;
    expect(measure.ikkePlaceret).toEqual([
      { tekst: 'Indsatsen er ny fra 2025.', placering: 'afsnit 2, under »Ungestøtte«' },
      { tekst: 'Økonomi Afholdes af Ungeområdets budget.', placering: 'tabellen i afsnit 4, række 2' },
    ]);
    const sections = sectionsOf(file('policies/test/foranstaltninger/ungestoette.md'));
    expect(sections['Ikke placeret tekst fra importen']).toContain('Indsatsen er ny fra 2025.');
    expect(sections['Ikke placeret tekst fra importen']).toContain('Afholdes af Ungeområdets budget.');
    expect(sections['Indhold']).toBe('Hjælp til bolig og uddannelse.');
    expect(report.fund).toContainEqual(
      expect.objectContaining({
        file: 'policies/test/foranstaltninger/ungestoette.md',
        rule: 'schema',
        message: 'Ukendt overskrift »Ikke placeret tekst fra importen«; afsnittet bliver ikke læst',
      }),
    );
  });

  it('gives a second measure with the same title its own id', async () => {
    const bytes = await docxOf([...templateMeasure('Aflastning', {}), ...templateMeasure('Aflastning', {}), ...templateMeasure('Åben anonym rådgivning', {})]);
    const { report } = await importInto(bytes);
    expect(report.foranstaltninger.map((measure) => measure.id)).toEqual(['aflastning', 'aflastning-2', 'aaben-anonym-raadgivning']);
  });
});

describe('variants kommuner write', () => {
  it('drops the template guidance after a bold label and in a label cell after a line break', async () => {
    const bytes = await docxOf([
      heading(2, 'Støttekontaktperson'),
      labelled('Formål:', 'Her beskrives, hvorfor en foranstaltning gives til et barn eller en ung.'),
      text('Den unge får en fast voksen at tale med.'),
      heading(2, 'Aflastning'),
      new Table({
        rows: [
          new TableRow({
            children: [
              new TableCell({ children: [runs(bold('Formål'), new TextRun({ text: 'Her beskrives, hvorfor en foranstaltning gives.', break: 1 }))] }),
              new TableCell({ children: [text('Forældrene får et pusterum.')] }),
            ],
          }),
          new TableRow({
            children: [new TableCell({ children: [text('Lovhjemmel')] }), new TableCell({ children: [text('Barnets Lov § 32, stk. 1, nr. 5')] })],
          }),
        ],
      }),
    ]);
    const { file } = await importInto(bytes);
    expect(sectionsOf(file('policies/test/foranstaltninger/stoettekontaktperson.md'))['Formål']).toBe('Den unge får en fast voksen at tale med.');
    const aflastning = sectionsOf(file('policies/test/foranstaltninger/aflastning.md'));
    expect(aflastning['Formål']).toBe('Forældrene får et pusterum.');
    expect(aflastning['Lovhjemmel']).toBe('Barnets Lov § 32, stk. 1, nr. 5');
  });

  it('reads field headings of the same level as the title, and takes the area from a first heading »Serviceniveau for …«', async () => {
    const bytes = await docxOf([
      heading(1, 'Serviceniveau for udsatte børn og unge'),
      heading(2, 'Efterværn'),
      heading(2, 'Formål'),
      text('Den unge får hjælp til at stå på egne ben efter en anbringelse.'),
      heading(2, 'Lovgrundlag'),
      text('Barnets Lov § 114'),
    ]);
    const { report, file } = await importInto(bytes, { omraade: undefined });
    expect(report.omraade).toBe('udsatte-boern-og-unge');
    const sections = sectionsOf(file('policies/udsatte-boern-og-unge/foranstaltninger/eftervaern.md'));
    expect(sections['Formål']).toBe('Den unge får hjælp til at stå på egne ben efter en anbringelse.');
    expect(sections['Lovhjemmel']).toBe('Barnets Lov § 114');
    expect(file('policies/udsatte-boern-og-unge/serviceniveau.md')).toContain('omraade: "Udsatte børn og unge"');
  });
});

describe('groups of measures', () => {
  it('a heading with no text of its own above the measures is their kategori; a heading with text, or »Foranstaltninger«, is not', async () => {
    const bytes = await docxOf([
      heading(1, 'Foranstaltninger'),
      heading(2, 'Rådgivning'),
      heading(3, 'Formål'),
      text('Familien får råd om hverdagen med barnet.'),
      heading(1, 'Støttende indsatser'),
      heading(2, 'Familiebehandling'),
      heading(3, 'Formål'),
      text('Familien lærer nye måder at løse konflikter på.'),
      heading(2, 'Aflastning'),
      heading(3, 'Formål'),
      text('Forældrene får et pusterum.'),
      heading(1, 'Kontakt'),
      text('Ring til Familieafdelingen.'),
      heading(2, 'Efterværn'),
      heading(3, 'Formål'),
      text('Den unge får hjælp til at stå på egne ben.'),
    ]);
    const { file } = await importInto(bytes);
    const kategori = (id: string): string | undefined => /\nkategori: "([^"]*)"\n/.exec(file(`policies/test/foranstaltninger/${id}.md`))?.[1];
    expect(['raadgivning', 'familiebehandling', 'aflastning', 'eftervaern'].map(kategori)).toEqual([
      undefined,
      'Støttende indsatser',
      'Støttende indsatser',
      undefined,
    ]);
  });
});

describe('a title typed as a plain first paragraph', () => {
  it('is the document title: the area comes from it, and it is not reported as unplaced text', async () => {
    const bytes = await docxOf([
      text('Serviceniveau for børn og unge med handicap'),
      heading(1, 'Aflastning'),
      heading(2, 'Formål'),
      text('Forældrene får et pusterum, så familien kan holde til hverdagen.'),
    ]);
    const { report, file } = await importInto(bytes, { omraade: undefined });
    expect(report.omraade).toBe('boern-og-unge-med-handicap');
    expect(report.ikkePlaceret).toEqual([]);
    expect(file('policies/boern-og-unge-med-handicap/serviceniveau.md')).toContain('omraade: "Børn og unge med handicap"');
  });
});

describe('numbered headings', () => {
  it('reads »3.1.1 Formål« as the field, keeps »3.1 Familiebehandling« as the title and leaves the number out of the id', async () => {
    const bytes = await docxOf([
      heading(1, '3 Støttende indsatser'),
      heading(2, '3.1 Familiebehandling'),
      heading(3, '3.1.1 Formål'),
      text('Familien finder selv nye løsninger.'),
      heading(3, '3.1.2 Levering af ydelsen'),
      text('Familiehuset.'),
      heading(2, '3.2 Levering af madpakker'),
      heading(3, 'Formål'),
      text('Barnet får mad med i skole.'),
    ]);
    const { report, file } = await importInto(bytes);
    expect(report.foranstaltninger.map((measure) => [measure.id, measure.titel])).toEqual([
      ['familiebehandling', '3.1 Familiebehandling'],
      ['levering-af-madpakker', '3.2 Levering af madpakker'],
    ]);
    const sections = sectionsOf(file('policies/test/foranstaltninger/familiebehandling.md'));
    expect(sections['Formål']).toBe('Familien finder selv nye løsninger.');
    expect(sections['Levering af ydelsen']).toBe('Familiehuset.');
  });
});

describe('the role plan on its side', () => {
  it('reads a table with the phases down the first column and the roles across', async () => {
    const bytes = await docxOf([
      plainTable([
        ['', 'Politiker', 'Sagsbehandlere'],
        ['Udvikling', 'Træffer beslutningen.', 'Beskriver indsatserne.'],
        ['Implementering og forankring', 'Fortæller borgerne om det.', 'Bruger serviceniveauet i hver sag.'],
        ['Opfølgning', 'Får en årlig status.', 'Registrerer indsatserne.'],
      ]),
    ]);
    const { file } = await importInto(bytes);
    const plan = file('policies/test/rolleplan.md');
    expect(plan).toContain('## Politiker\n\n### Udvikling\n\n- Træffer beslutningen.\n');
    expect(plan).toContain(
      '## Sagsbehandlere\n\n### Udvikling\n\n- Beskriver indsatserne.\n\n### Implementering og forankring\n\n- Bruger serviceniveauet i hver sag.\n',
    );
  });
});

describe('after the template table', () => {
  it('reports text under the table as unplaced, and a heading after the last measure ends it', async () => {
    const bytes = await docxOf([
      ...templateMeasure('Aflastning', { lovhjemmel: [text('Barnets Lov § 32, stk. 1, nr. 5')] }),
      text('Bemærk: prisen revideres hvert år.'),
      heading(1, 'Bilag'),
      text('Takster for 2025.'),
    ]);
    const { report, file } = await importInto(bytes);
    const [aflastning] = report.foranstaltninger;
    expect(aflastning?.ikkePlaceret).toEqual([{ tekst: 'Bemærk: prisen revideres hvert år.', placering: 'afsnit 4, under »Aflastning«' }]);
    expect(sectionsOf(file('policies/test/foranstaltninger/aflastning.md'))['Lovhjemmel']).toBe('Barnets Lov § 32, stk. 1, nr. 5');
    expect(report.ikkePlaceret).toEqual([{ tekst: 'Takster for 2025.', placering: 'afsnit 6, under »Bilag«' }]);
  });
});
