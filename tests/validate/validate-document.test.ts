import { describe, expect, it } from 'vitest';
import { checkText, lineOf, measureMarkdown } from '../helpers.js';

const FILE = 'policies/boern-og-unge/foranstaltninger/praktisk-paedagogisk-stoette.md';

describe('validating a measure against its schema', () => {
  it('a complete measure has no findings', () => {
    expect(checkText(FILE, 'foranstaltning', measureMarkdown())).toEqual([]);
  });

  it('a missing section points after the preceding heading, not at 1:1', () => {
    const text = measureMarkdown({ sections: { Tildeling: null } });
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'schema',
        severity: 'error',
        message: 'Afsnittet »Tildeling« mangler',
        start: { line: lineOf(text, '## Omfang og varighed'), column: 1 },
        hint: expect.stringContaining('Tilføj overskriften »## Tildeling«') as string,
      }),
    ]);
  });

  it('a missing first section points at the end of the frontmatter', () => {
    const text = measureMarkdown({ sections: { Formål: null } });
    const closingFence = text.split('\n').indexOf('---', 1) + 1;
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([
      expect.objectContaining({ message: 'Afsnittet »Formål« mangler', start: { line: closingFence, column: 1 } }),
    ]);
  });

  it('an empty section is reported once, at its heading', () => {
    const text = measureMarkdown({ sections: { Indhold: '' } });
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([
      expect.objectContaining({ message: 'Afsnittet »Indhold« er tomt', start: { line: lineOf(text, '## Indhold'), column: 1 } }),
    ]);
  });

  it('a misspelled frontmatter key is unknown, with a suggestion, and the real key is missing', () => {
    const text = measureMarkdown().replace('titel:', 'tittel:');
    const findings = checkText(FILE, 'foranstaltning', text);
    expect(findings.map((finding) => [finding.message, finding.hint, finding.start.line])).toEqual([
      ['Feltet »titel« mangler i frontmatter', expect.stringContaining('Foranstaltningens navn') as string, 1],
      ['Ukendt felt »tittel« i frontmatter', 'Mente du »titel«?', 3],
    ]);
  });

  it('a number where text is expected gets a hint to quote it', () => {
    const text = measureMarkdown().replace('kategori: Støttende indsatser', 'kategori: 2025');
    expect(checkText(FILE, 'foranstaltning', text)).toEqual([
      expect.objectContaining({
        message: 'Feltet »kategori« skal være tekst, men er et tal (2025)',
        hint: 'Sæt værdien i anførselstegn, fx "2025".',
        start: { line: 4, column: 11 },
      }),
    ]);
  });

  it('an age above 22 and a reversed age range are both reported at the value', () => {
    const text = measureMarkdown().replace('fra: 0', 'fra: 12').replace('til: 17', 'til: 25');
    expect(checkText(FILE, 'foranstaltning', text).map((finding) => finding.message)).toEqual(['Feltet »alder.til« skal være højst 22, men er et tal (25)']);
    const reversed = measureMarkdown().replace('fra: 0', 'fra: 16').replace('til: 17', 'til: 3');
    expect(checkText(FILE, 'foranstaltning', reversed)).toEqual([
      expect.objectContaining({
        message: 'Aldersspændet er bagvendt: »alder.fra« (16) er større end »alder.til« (3)',
        start: { line: lineOf(reversed, 'til: 3'), column: 8 },
      }),
    ]);
  });

  describe('the frame block (ramme)', () => {
    const withFrame = (frame: string): string =>
      measureMarkdown({
        frontmatter: `id: praktisk-paedagogisk-stoette\ntitel: Praktisk pædagogisk støtte i hjemmet\nalder:\n  fra: 0\n  til: 17\nramme:\n${frame}`,
      });

    it('a complete frame is valid', () => {
      const frame =
        '  omfang:\n    enhed: timer om ugen\n    fra: 3\n    til: 5\n  varighed:\n    til: 6\n  opfoelgning:\n    foerste: 3\n  enhedspris:\n    beloeb: 450\n    enhed: time';
      expect(checkText(FILE, 'foranstaltning', withFrame(frame))).toEqual([]);
    });

    it('a scope range written backwards is reported at its »til«', () => {
      const text = withFrame('  omfang:\n    enhed: timer om ugen\n    fra: 5\n    til: 3');
      expect(checkText(FILE, 'foranstaltning', text)).toEqual([
        expect.objectContaining({
          message: 'Omfanget i rammen er bagvendt: »ramme.omfang.fra« (5) er større end »ramme.omfang.til« (3)',
          start: { line: lineOf(text, 'til: 3'), column: 10 },
        }),
      ]);
    });

    it('a longest duration shorter than the typical one is reported at »maks«', () => {
      const text = withFrame('  varighed:\n    fra: 6\n    til: 12\n    maks: 9');
      expect(checkText(FILE, 'foranstaltning', text)).toEqual([
        expect.objectContaining({
          message: 'Den længste varighed »ramme.varighed.maks« (9) er kortere end den typiske varighed (12 måneder)',
          start: { line: lineOf(text, 'maks: 9'), column: 11 },
        }),
      ]);
    });

    it('an empty frame names the fields it may hold', () => {
      expect(checkText(FILE, 'foranstaltning', withFrame('  {}')).map((finding) => finding.message)).toEqual([
        'Feltet »ramme« er tomt — skriv mindst ét af felterne: »omfang«, »varighed«, »opfoelgning«, »enhedspris«',
      ]);
    });

    it('an empty frame, an unknown unit and a negative number are schema errors', () => {
      const messages = (frame: string): number => checkText(FILE, 'foranstaltning', withFrame(frame)).filter((finding) => finding.rule === 'schema').length;
      expect(messages('  {}')).toBeGreaterThan(0);
      expect(messages('  omfang:\n    enhed: timer om året\n    fra: 2\n    til: 5')).toBeGreaterThan(0);
      expect(messages('  varighed:\n    fra: -1')).toBeGreaterThan(0);
    });
  });

  it('an id that differs from the file name is reported', () => {
    const text = measureMarkdown({ id: 'praktisk-stoette' });
    expect(checkText(FILE, 'foranstaltning', text).map((finding) => finding.message)).toEqual([
      'Foranstaltningens id »praktisk-stoette« er ikke det samme som filnavnet »praktisk-paedagogisk-stoette«',
    ]);
  });

  it('an id with Danish letters or spaces is refused with the rule spelled out', () => {
    const text = measureMarkdown({ id: 'Praktisk støtte' });
    expect(checkText('policies/a/foranstaltninger/Praktisk støtte.md', 'foranstaltning', text).map((finding) => finding.message)).toEqual([
      'Feltet »id« må kun indeholde små bogstaver a-z, tal og bindestreger (æ skrives ae, ø oe, å aa)',
    ]);
  });
});

describe('validating the frame', () => {
  const frame = (frontmatter: string) =>
    `---\n${frontmatter}\n---\n\n## Forord\n\nVelkommen.\n\n## Principper\n\n- Tidlig indsats.\n\n## Målgruppe\n\nBørn og unge 0-18 år. Der foretages altid en konkret og individuel vurdering.\n`;
  const base =
    'kommune: Eksempel Kommune\nomraade: Børn og unge\nversion: "2025.1"\ngyldig_fra: 2025-03-01\nunderskriver:\n  navn: Lene Holm\n  titel: Borgmester';

  it('a draft needs no adoption', () => {
    expect(checkText('policies/a/serviceniveau.md', 'serviceniveau', frame(`${base}\nstatus: udkast`))).toEqual([]);
  });

  it('an adopted version must say when, by whom and under which case', () => {
    const findings = checkText('policies/a/serviceniveau.md', 'serviceniveau', frame(`${base}\nstatus: vedtaget`));
    expect(findings.map((finding) => finding.message)).toEqual([
      'Feltet »vedtagelse« mangler: når status er »vedtaget«, skal beslutningens dato, organ og reference stå i frontmatter',
    ]);
  });

  it('an unknown status lists the allowed ones', () => {
    const findings = checkText('policies/a/serviceniveau.md', 'serviceniveau', frame(`${base}\nstatus: godkendt`));
    expect(findings.map((finding) => finding.message)).toEqual(['Feltet »status« skal være en af »udkast«, »hoering«, »vedtaget«, men er »godkendt«']);
  });

  it('a date written in words is refused with the expected form', () => {
    const findings = checkText('policies/a/serviceniveau.md', 'serviceniveau', frame(`${base.replace('2025-03-01', '1. marts 2025')}\nstatus: udkast`));
    expect(findings).toEqual([
      expect.objectContaining({
        message: 'Feltet »gyldig_fra« skal være en dato på formen ÅÅÅÅ-MM-DD, fx 2025-03-01, men er »1. marts 2025«',
        start: { line: 5, column: 13 },
      }),
    ]);
  });

  it('a version written as a bare number is text that must be quoted', () => {
    const findings = checkText('policies/a/serviceniveau.md', 'serviceniveau', frame(`${base.replace('"2025.1"', '2025.1')}\nstatus: udkast`));
    expect(findings.map((finding) => finding.hint)).toEqual(['Sæt værdien i anførselstegn, fx "2025.1".']);
  });
});

describe('validating the config file', () => {
  it('an unknown rule id is reported with the nearest known one', () => {
    const text = '{\n  "rules": {\n    "laesbarhed": "warning",\n    "pladsholdere": "off"\n  }\n}\n';
    expect(checkText('serviceniveau.config.json', 'config', text)).toEqual([
      expect.objectContaining({ message: 'Ukendt felt »pladsholdere«', hint: 'Mente du »pladsholder«?', start: { line: 4, column: 5 } }),
    ]);
  });

  it('a severity that is not error, warning or off is reported once', () => {
    const text = '{ "rules": { "laesbarhed": "høj" } }';
    expect(checkText('serviceniveau.config.json', 'config', text).map((finding) => finding.message)).toEqual([
      'Feltet »rules.laesbarhed« har ikke en gyldig form',
    ]);
  });
});

describe('validating the config file in detail', () => {
  it('a wrong severity inside a rule object is reported at that severity', () => {
    const text = '{\n  "rules": {\n    "laesbarhed": { "severity": "fejl", "options": { "max": 55 } }\n  }\n}\n';
    expect(checkText('serviceniveau.config.json', 'config', text)).toEqual([
      expect.objectContaining({
        message: 'Feltet »rules.laesbarhed.severity« skal være en af »error«, »warning«, »off«, men er »fejl«',
        start: { line: 3, column: 33 },
      }),
    ]);
  });
});
