import { describe, expect, it } from 'vitest';
import { personoplysninger } from '../../scripts/rules/personoplysninger.js';
import { documentOf, lineOf } from '../helpers.js';
import { readDocsExamples } from './docs-examples.js';
import { examplePolicyDocuments, findingsOf, frameDocument, measureDocument, measureText, NEUTRAL_SECTIONS } from './rule-helpers.js';

/** Line and column (1-based) of the first `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const line = lineOf(text, needle);
  return { line, column: text.split('\n')[line - 1]!.indexOf(needle) + 1 };
}

describe('personoplysninger', () => {
  const cases: { name: string; overrides: Record<string, string>; expected: string[]; needle: string; secret: string }[] = [
    {
      name: 'a CPR number with a hyphen in a section',
      overrides: { indhold: 'Familien (mor, CPR 010203-1234) har fået tilbudt praktisk pædagogisk støtte.' },
      expected: ['Et CPR-nummer står i teksten — slet det'],
      needle: '010203-1234',
      secret: '010203-1234',
    },
    {
      name: 'a CPR number without a hyphen, born on 29 February',
      overrides: { maalgruppe: 'Fx barnet med cpr.nr. 2902151234, som har brug for aflastning hver anden weekend.' },
      expected: ['Et CPR-nummer står i teksten — slet det'],
      needle: '2902151234',
      secret: '2902151234',
    },
    {
      name: 'a CPR number with an en dash',
      overrides: { omfang: 'I sagen vedr. 311299–4321 blev støtten forlænget med tre måneder.' },
      expected: ['Et CPR-nummer står i teksten — slet det'],
      needle: '311299',
      secret: '4321',
    },
    {
      name: 'a CPR number with a space instead of a hyphen',
      overrides: { indhold: 'Barnet (150688 4321) har fået bevilget aflastning hver anden weekend.' },
      expected: ['Et CPR-nummer står i teksten — slet det'],
      needle: '150688 4321',
      secret: '150688',
    },
    {
      name: 'a CPR number with a no-break space, as Word pastes it',
      overrides: { maalgruppe: 'Fx den unge med cpr.nr.: 020304\u00A05678, som er flyttet til kommunen.' },
      expected: ['Et CPR-nummer står i teksten — slet det'],
      needle: '020304',
      secret: '5678',
    },
    {
      name: 'a CPR number with a space after »sag nr.«: a case number in the shape of a CPR number is treated as one',
      overrides: { omfang: 'Støtten i sag nr. 150688 4321 blev forlænget med tre måneder.' },
      expected: ['Et CPR-nummer står i teksten — slet det'],
      needle: '150688 4321',
      secret: '150688',
    },
    {
      name: 'a CPR number in the frontmatter',
      overrides: { titel: '"Aflastning til barn 150610-2468"' },
      expected: ['Et CPR-nummer står i teksten — slet det'],
      needle: '150610',
      secret: '2468',
    },
    {
      name: 'a private e-mail address',
      overrides: { levering: 'Kontakt familieplejekonsulent Mette Hansen på mette.hansen83@gmail.com.' },
      expected: ['E-mailadressen »m…@gmail.com« står i teksten — slet den, eller skriv kommunens fælles adresse'],
      needle: 'mette.hansen83@',
      secret: 'mette.hansen83',
    },
    {
      name: "an employee's address in a mailto link",
      overrides: { tildeling: 'Skriv til [sagsbehandleren](mailto:jens.p.olsen@eksempel-kommune.dk), hvis I har spørgsmål.' },
      expected: ['E-mailadressen »j…@eksempel-kommune.dk« står i teksten — slet den, eller skriv kommunens fælles adresse'],
      needle: 'jens.p.olsen@',
      secret: 'jens.p.olsen',
    },
    {
      name: 'a phone number with +45',
      overrides: { kvalitetskrav: 'Leverandøren kan kontaktes på +45 20 30 40 50 i dagtimerne.' },
      expected: ['Telefonnummeret »+45 20 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer'],
      needle: '+45 20',
      secret: '30 40 50',
    },
    {
      name: 'a phone number with 0045',
      overrides: { kvalitetskrav: 'Ved akut behov ringer plejefamilien til 004561234567.' },
      expected: ['Telefonnummeret »+45 61 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer'],
      needle: '004561234567',
      secret: '61234567',
    },
    {
      name: 'eight digits after "tlf."',
      overrides: { tildeling: 'Familiens kontaktperson er Anne Jensen, tlf. 28459102.' },
      expected: ['Telefonnummeret »28 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer'],
      needle: '28459102',
      secret: '28459102',
    },
    {
      name: 'a number after "Ring på", in fours',
      overrides: { levering: 'Ring på 4020 3040, hvis aftalen skal flyttes.' },
      expected: ['Telefonnummeret »40 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer'],
      needle: '4020 3040',
      secret: '4020 3040',
    },
    {
      name: 'a number after "Mobilnr.:"',
      overrides: { omfang: 'Støttepersonen (mobilnr.: 31124567) kommer to gange om ugen.' },
      expected: ['Telefonnummeret »31 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer'],
      needle: '31124567',
      secret: '31124567',
    },
    {
      name: 'a number written in pairs without any word before it',
      overrides: { indhold: 'Uden for åbningstid kan plejefamilien kontakte Pia på 61 22 33 44.' },
      expected: ['Telefonnummeret »61 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer'],
      needle: '61 22 33 44',
      secret: '22 33 44',
    },
  ];

  for (const testCase of cases) {
    it(`finds ${testCase.name}, at its line and column`, () => {
      const findings = findingsOf(personoplysninger, [measureDocument(testCase.overrides)]);
      expect(findings.map((finding) => finding.message)).toEqual(testCase.expected);
      expect(findings[0]).toMatchObject(positionOf(measureText(testCase.overrides), testCase.needle));
    });

    it(`masks ${testCase.name} in the message and hint`, () => {
      const findings = findingsOf(personoplysninger, [measureDocument(testCase.overrides)]);
      expect(JSON.stringify(findings)).not.toContain(testCase.secret);
    });
  }

  it('ends the range where the CPR number ends', () => {
    const overrides = { indhold: 'Barnet (CPR 010203-1234) bor hos sin moster.' };
    const { line, column } = positionOf(measureText(overrides), '010203');
    expect(findingsOf(personoplysninger, [measureDocument(overrides)])).toMatchObject([
      { line, column, endLine: line, endColumn: column + '010203-1234'.length },
    ]);
  });

  it('reports several personal data in one paragraph in the order they are written', () => {
    const document = measureDocument({ indhold: 'Mor: lise.k@hotmail.com, tlf. 22 33 44 55. Barnet: 120318-5678.' });
    expect(findingsOf(personoplysninger, [document]).map((finding) => finding.message.split(' ')[0])).toEqual(['E-mailadressen', 'Telefonnummeret', 'Et']);
  });

  it('points the e-mail and phone hints at the allow option, and the CPR hint only at deleting', () => {
    const document = measureDocument({ indhold: 'Mor: lise.k@hotmail.com, tlf. 22 33 44 55. Barnet: 120318-5678.' });
    const [email, phone, cpr] = findingsOf(personoplysninger, [document]).map((finding) => finding.hint ?? '');
    expect(email).toContain('serviceniveau.config.json');
    expect(email).toContain('"allow"');
    expect(phone).toBe(email);
    expect(cpr).not.toContain('allow');
    expect(cpr).toContain('slet det');
  });

  it('finds a CPR number at its exact place in a JSON measure, after escapes', () => {
    const measure = {
      $schema: '../../../schemas/foranstaltning.schema.json',
      id: 'netvaerksplejefamilie',
      titel: 'Anbringelse i netværksplejefamilie',
      kategori: 'Anbringelse',
      ...NEUTRAL_SECTIONS,
      formaal: 'Barnet bor hos en person fra sit netværk.\n\n"Tryghed" er målet, fx for barnet 050607–1357.',
    };
    const text = JSON.stringify(measure, null, 2).replace('–', '\\u2013');
    expect(text).toContain('\\n\\n\\"Tryghed\\"');
    const document = documentOf('policies/boern-og-unge/foranstaltninger/netvaerksplejefamilie.json', 'foranstaltning', text);
    const findings = findingsOf(personoplysninger, [document]);
    expect(findings.map((finding) => finding.message)).toEqual(['Et CPR-nummer står i teksten — slet det']);
    const { line, column } = positionOf(text, '050607');
    expect(findings[0]).toMatchObject({ line, column, endLine: line, endColumn: column + '050607\\u20131357'.length });
  });

  it('checks the frame and the role plan, but not the config', () => {
    const frame = frameDocument({ forord: 'Har du spørgsmål, kan du skrive til borgmester Lene Holm på lene.holm@gmail.com.' });
    const rolleplan = documentOf(
      'policies/boern-og-unge/rolleplan.md',
      'rolleplan',
      '---\ntitel: Rolle- og ansvarsfordeling\n---\n\n## Leder\n\n### Udvikling\n\n- Svarer på tlf. 40 50 60 70.\n',
    );
    const config = documentOf(
      'serviceniveau.config.json',
      'config',
      '{ "rules": { "personoplysninger": { "options": { "allow": ["lene.holm@gmail.com", "40 50 60 70"] } } } }',
    );
    const findings = findingsOf(personoplysninger, [frame, rolleplan, config], {}, []);
    // Sorted by file, as check prints them: rolleplan.md before serviceniveau.md.
    expect(findings.map((finding) => finding.message)).toEqual([
      'Telefonnummeret »40 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer',
      'E-mailadressen »l…@gmail.com« står i teksten — slet den, eller skriv kommunens fælles adresse',
    ]);
  });

  const silent: { name: string; overrides: Record<string, string> }[] = [
    {
      name: 'CPR-like numbers whose first digits are not a date',
      overrides: { indhold: 'Sagsnumrene 451299-1234, 123456-7890, 310499-1234 og 300299-1234 er interne numre.' },
    },
    { name: 'a CPR-shaped part of a longer number', overrides: { indhold: 'Journalnummer 27-010203-1234-56 og kontonummer 01020312345 hører til sagen.' } },
    {
      name: 'an 8-digit CVR number and amounts',
      overrides: { levering: 'Leverandøren (CVR-nr. 29189994, CVR 29 18 99 94) får 12345678 kr. om året, i alt 12.345.678 kr.' },
    },
    {
      name: 'dates, year spans and paragraph numbers',
      overrides: { omfang: 'Fra 01-03-2025 og i perioden 2024-2026 gælder Barnets Lov § 32, stk. 1, nr. 2.' },
    },
    {
      name: 'an @ in a web address and a file name',
      overrides: { indhold: 'Se https://www.dukh.dk/Guides-og-Praksisnyt/@13/Lovguide og billedet billeder/logo@2x.png.' },
    },
    {
      name: 'dates written with full stops, hyphens or slashes, and a date of birth alone',
      overrides: { omfang: 'Barnet er født 15.06.88 og fik støtte fra 15-06-1988 til 15/06/1990; datoen 150688 står i journalen.' },
    },
    {
      name: 'six and four digits with a space whose first digits are not a date',
      overrides: { indhold: 'Sagsnumrene 451299 1234, 123456 7890 og 310499 1234 er interne numre.' },
    },
    {
      name: 'six and four digits among more groups of digits, as a row of figures from a spreadsheet',
      overrides: { indhold: 'Nøgletal fra regnearket: 120318 1204 150688 4321 og 110299 1000 2024.' },
    },
    {
      name: 'case and journal numbers in the usual shapes',
      overrides: { tildeling: 'Afgørelsen har sagsnr. 24/12345 og j.nr. 27.24.00-P20-3-24 i ESDH-systemet.' },
    },
    { name: 'more than eight digits after "tlf."', overrides: { indhold: 'Sagen har tlf. journal 12 34 56 78 90 i det gamle system.' } },
    { name: 'the word "telefon" before a number that is not a phone number', overrides: { indhold: 'Rådgivningen svarer på telefon i 2025 og 2026.' } },
  ];

  for (const testCase of silent) {
    it(`stays silent on ${testCase.name}`, () => {
      expect(findingsOf(personoplysninger, [measureDocument(testCase.overrides)])).toEqual([]);
    });
  }

  const allowCases: { name: string; allow: string[]; text: string; expected: string[] }[] = [
    {
      name: 'an allowed address, whatever its case',
      allow: ['familie@eksempel-kommune.dk'],
      text: 'Skriv til Familie@Eksempel-Kommune.dk eller til lene.holm@eksempel-kommune.dk.',
      expected: ['E-mailadressen »l…@eksempel-kommune.dk« står i teksten — slet den, eller skriv kommunens fælles adresse'],
    },
    {
      name: 'a whole domain allowed with "@", and its subdomains, but not a look-alike',
      allow: ['@eksempel-kommune.dk'],
      text: 'Skriv til familie@eksempel-kommune.dk, pps@skole.eksempel-kommune.dk eller hjaelp@eksempel-kommune.dk.example.com.',
      expected: ['E-mailadressen »h…@eksempel-kommune.dk.example.com« står i teksten — slet den, eller skriv kommunens fælles adresse'],
    },
    {
      name: 'an allowed phone number, however it is written',
      allow: ['70 10 20 30'],
      text: 'Ring på 70102030, tlf. 7010 2030 eller +45 70 10 20 30; døgnvagten har tlf. 70 10 20 31.',
      expected: ['Telefonnummeret »70 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer'],
    },
    {
      name: 'an allowed phone number written with its country code',
      allow: ['+45 70 10 20 30'],
      text: 'Kommunens hovednummer er tlf. 70102030.',
      expected: [],
    },
    {
      name: 'phone numbers in fours and pairs, which are phone numbers and not CPR numbers',
      allow: ['40 20 30 40'],
      text: 'Ring på 4020 3040 eller tlf. 40 20 30 40; døgnvagten har tlf. 4020 3041.',
      expected: ['Telefonnummeret »40 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer'],
    },
    {
      name: 'a CPR number, which no allow entry lets through',
      allow: ['010203-1234', '0102031234'],
      text: 'Barnet har CPR 010203-1234.',
      expected: ['Et CPR-nummer står i teksten — slet det'],
    },
  ];

  for (const testCase of allowCases) {
    it(`lets through ${testCase.name}`, () => {
      const document = measureDocument({ levering: testCase.text });
      expect(findingsOf(personoplysninger, [document], { allow: testCase.allow }).map((finding) => finding.message)).toEqual(testCase.expected);
    });
  }
});

describe('personoplysninger on the example kommune', () => {
  it('finds nothing', () => {
    const documents = examplePolicyDocuments();
    expect(documents.length).toBeGreaterThan(10);
    expect(findingsOf(personoplysninger, documents)).toEqual([]);
  });
});

describe('personoplysninger docs examples', () => {
  for (const example of readDocsExamples('personoplysninger')) {
    it(`docs/rules/personoplysninger.md:${example.line} ${example.expectFindings ? 'is reported' : 'passes'}`, () => {
      const document = example.target === 'frame' ? frameDocument({ [example.field]: example.text }) : measureDocument({ [example.field]: example.text });
      const count = findingsOf(personoplysninger, [document]).length;
      if (example.expectFindings) expect(count).toBeGreaterThan(0);
      else expect(count).toBe(0);
    });
  }
});

describe('personoplysninger reads through invisible characters', () => {
  const cases: { name: string; overrides: Record<string, string>; expected: string; needle: string }[] = [
    {
      name: 'a CPR number with a left-to-right mark (U+200E) inside',
      overrides: { indhold: 'Familien (mor, CPR 0102\u200E03-1234) har fået tilbudt praktisk pædagogisk støtte.' },
      expected: 'Et CPR-nummer står i teksten — slet det',
      needle: '0102\u200E03-1234',
    },
    {
      name: 'a CPR number without a hyphen, with a zero-width space between the date and the serial number',
      overrides: { maalgruppe: 'Fx barnet med cpr.nr. 290215\u200B1234, som har brug for aflastning hver anden weekend.' },
      expected: 'Et CPR-nummer står i teksten — slet det',
      needle: '290215\u200B1234',
    },
    {
      name: 'a private e-mail address with an invisible separator (U+2063) before the »@«',
      overrides: { kvalitetskrav: 'Skriv til sagsbehandler Anna på anna.jensen\u2063@gmail.com efter hvert besøg.' },
      expected: 'E-mailadressen »a…@gmail.com« står i teksten — slet den, eller skriv kommunens fælles adresse',
      needle: 'anna.jensen',
    },
    {
      name: 'a mobile number with invisible separators between the pairs of digits',
      overrides: { indhold: 'Uden for åbningstid kan plejefamilien kontakte Pia på 61\u2063 22\u2063 33\u2063 44.' },
      expected: 'Telefonnummeret »61 ** ** **« står i teksten — slet det, eller skriv kommunens eget nummer',
      needle: '61\u2063',
    },
  ];
  for (const testCase of cases) {
    it(`finds ${testCase.name}, at its line and column`, () => {
      const findings = findingsOf(personoplysninger, [measureDocument(testCase.overrides)]);
      expect(findings.map((finding) => finding.message)).toEqual([testCase.expected]);
      expect(findings[0]).toMatchObject(positionOf(measureText(testCase.overrides), testCase.needle));
    });
  }

  it('still lets through the kommune’s own number when an invisible character was pasted into it', () => {
    const document = measureDocument({ tildeling: 'Ring til Familieafdelingen på 70 10\u200B 20 30.' });
    expect(findingsOf(personoplysninger, [document], { allow: ['70 10 20 30'] })).toEqual([]);
  });
});
