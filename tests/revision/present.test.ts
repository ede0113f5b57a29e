import { describe, expect, it } from 'vitest';
import { STATUS_LABELS } from '../../scripts/revision/labels.js';
import type { MeasureChange, ServiceLevel } from '../../scripts/revision/model.js';
import { classSummary, orderChanges, presentChangelog, totalsText } from '../../scripts/revision/present/changelog.js';
import { ageText, formatCount, formatDanishDate } from '../../scripts/revision/present/format.js';
import { NO_KATEGORI, presentServiceLevel } from '../../scripts/revision/present/service-level.js';
import { countedRound, sampleRound, renamedFamiliebehandling } from './sample-round.js';

const META = { kommune: 'Eksempel Kommune', omraade: 'Børn og unge med særlige behov' };

const familyTherapy: MeasureChange = {
  id: 'familiebehandling',
  titel: 'Familiebehandling',
  kind: 'changed',
  fields: [
    {
      field: 'indhold',
      class: 'content',
      change: 'tekst-aendret',
      before: 'Behandleren mødes med familien.',
      after: 'Behandleren mødes med familien i hjemmet.',
    },
  ],
};

describe('presentChangelog', () => {
  it('puts the material changes first, then the content changes, then the editorial ones, whatever order the changelog has', () => {
    const round = sampleRound();
    round.changelog.changes = [round.changelog.changes[2]!, familyTherapy, ...round.changelog.changes.slice(0, 2)];
    expect(presentChangelog(round).measures.map((measure) => measure.titel)).toEqual([
      'Praktisk pædagogisk støtte i hjemmet',
      'Mentor til unge',
      'Familiebehandling',
      'Serviceniveauets ramme',
    ]);
  });

  it('lists the fields of a measure material first, keeping their order otherwise', () => {
    const round = sampleRound();
    round.changelog.changes[0]!.fields.reverse();
    const [reduced] = presentChangelog(round).measures;
    expect(reduced!.fields.map((field) => `${field.heading} (${field.classLabel})`)).toEqual([
      'Tildeling (Væsentlig)',
      'Omfang og varighed (Væsentlig)',
      'Kvalitetskrav til leverandør (Redaktionel)',
    ]);
  });

  it('numbers the amendments 1, 2, 3, … through the whole round, in the order of the measures', () => {
    const presentation = presentChangelog(sampleRound());
    expect(presentation.amendments).toEqual([
      { number: 1, text: 'I afsnittet »Omfang og varighed« ændres »10 timer« til: »8 timer«.' },
      { number: 2, text: 'I afsnittet »Tildeling« ændres »Sagsbehandleren« til: »Visitationsudvalget«.' },
      { number: 3, text: 'I afsnittet »Kvalitetskrav til leverandør« ændres »måned.« til: »måned«.' },
      { number: 4, text: 'Som ny foranstaltning indsættes »Mentor til unge« under »Støttende indsatser« med den formulering, der er gengivet ovenfor.' },
      { number: 5, text: 'I feltet »Version« ændres »2025.1« til: »2026.1«.' },
    ]);
    expect(presentation.measures.flatMap((measure) => measure.amendments)).toEqual(presentation.amendments);
  });

  it('says once that a renamed measure changes id, instead of an amendment to the field »Id«', () => {
    const round = sampleRound();
    round.changelog.changes = [renamedFamiliebehandling()];
    expect(presentChangelog(round).amendments.map((amendment) => amendment.text)).toEqual([
      'Foranstaltningen »familiebehandling« skifter id til »familiebehandling-i-hjemmet«.',
      'I feltet »Titel« ændres »Familiebehandling« til: »Familiebehandling i hjemmet«.',
    ]);
  });

  it('counts a new measure without field changes as one material change, in its row and in the totals', () => {
    const presentation = presentChangelog(sampleRound());
    const mentor = presentation.measures.find((measure) => measure.id === 'mentorordning')!;
    expect(mentor.counts).toEqual({ material: 1, content: 0, editorial: 0 });
    expect(mentor.material).toBe(true);
    expect(mentor.summary).toBe('');
    expect(presentation.totals).toEqual({
      byClass: { material: 3, content: 0, editorial: 2 },
      added: 1,
      removed: 0,
      renamed: 0,
      text: '3 væsentlige ændringer: 1 ny foranstaltning og 2 ændringer i teksten; 2 redaktionelle ændringer.',
    });
  });

  it('counts an added and a removed measure once each, however many fields they have, and lists no field of theirs', () => {
    const presentation = presentChangelog(countedRound());
    expect(presentation.totals).toEqual({
      byClass: { material: 6, content: 0, editorial: 0 },
      added: 1,
      removed: 1,
      renamed: 0,
      text: '6 væsentlige ændringer: 1 ny foranstaltning, 1 udgået og 4 ændringer i teksten.',
    });
    for (const id of ['mentorordning', 'praktisk-paedagogisk-stoette']) {
      const measure = presentation.measures.find((candidate) => candidate.id === id)!;
      expect(measure).toMatchObject({ counts: { material: 1, content: 0, editorial: 0 }, summary: '', fields: [] });
      expect(measure.amendments).toHaveLength(1);
    }
  });

  it('says the counts in words, singular and plural, and nothing for no changes', () => {
    expect(totalsText({ material: 4, content: 1, editorial: 1200 }, 0, 0)).toBe(
      '4 væsentlige ændringer; 1 indholdsmæssig ændring; 1.200 redaktionelle ændringer.',
    );
    expect(totalsText({ material: 3, content: 0, editorial: 0 }, 1, 2)).toBe('3 væsentlige ændringer: 1 ny foranstaltning og 2 udgåede.');
    expect(totalsText({ material: 0, content: 0, editorial: 0 }, 0, 0)).toBe('');
  });

  it('counts the field changes in Danish words, singular and plural', () => {
    expect(presentChangelog(sampleRound()).measures[0]!.summary).toBe('2 væsentlige, 1 redaktionel');
    expect(classSummary({ material: 0, content: 1200, editorial: 1 })).toBe('1.200 indholdsmæssige, 1 redaktionel');
    expect(classSummary({ material: 1, content: 0, editorial: 2 })).toBe('1 væsentlig, 2 redaktionelle');
  });

  it('shows a new measure whole from the proposal: kategori and age with an en dash, then its filled-in sections', () => {
    const mentor = presentChangelog(sampleRound()).measures.find((measure) => measure.id === 'mentorordning')!;
    expect(mentor.fields).toEqual([]);
    expect(mentor.whole?.side).toBe('after');
    expect(mentor.whole?.facts).toEqual([
      { key: 'kategori', heading: 'Kategori', text: 'Støttende indsatser' },
      { key: 'alder', heading: 'Alder', text: '14–17 år' },
    ]);
    expect(mentor.whole?.sections.map((section) => section.heading)).toEqual([
      'Formål',
      'Indhold',
      'Målgruppe og tildelingskriterier',
      'Omfang og varighed',
      'Tildeling',
      'Levering af ydelsen',
      'Kvalitetskrav til leverandør',
      'Lovhjemmel',
    ]);
  });

  it("names a field of the frame by the frame's own heading, »Målgruppe«, not the measure's", () => {
    const round = sampleRound();
    round.changelog.changes = [
      {
        id: 'serviceniveau',
        titel: 'Serviceniveauets ramme',
        kind: 'changed',
        fields: [{ field: 'maalgruppe', class: 'material', change: 'maalgruppe-indsnaevret', before: 'Børn og unge 0-18 år.', after: 'Børn og unge 0-17 år.' }],
      },
    ];
    const [frame] = presentChangelog(round).measures;
    expect(frame!.fields[0]!.heading).toBe('Målgruppe');
    expect(frame!.amendments[0]!.text).toContain('»Målgruppe«');
  });

  it("says the frame's new status and date in the words of the documents, not as the raw values", () => {
    const round = sampleRound();
    round.changelog.changes = [
      {
        id: 'serviceniveau',
        titel: 'Serviceniveauets ramme',
        kind: 'changed',
        fields: [
          { field: 'status', class: 'editorial', change: 'rammeoplysning-aendret', before: 'vedtaget', after: 'hoering' },
          { field: 'gyldig_fra', class: 'material', change: 'gyldig-fra-aendret', before: '2025-03-01', after: '2026-03-01' },
        ],
      },
    ];
    const presentation = presentChangelog(round);
    // The new gyldig_fra is material, so it comes first.
    expect(presentation.amendments.map((amendment) => amendment.text)).toEqual([
      'I feltet »Gyldig fra« ændres »1. marts 2025« til: »1. marts 2026«.',
      'I feltet »Status« ændres »Vedtaget« til: »I høring«.',
    ]);
    expect(presentation.measures[0]!.fields[1]).toMatchObject({ before: 'Vedtaget', after: 'I høring' });
  });

  it('quotes a changed legal basis with the law the register names, and a changed age with the en dash the documents write', () => {
    const round = sampleRound();
    round.changelog.changes = [
      {
        id: 'praktisk-paedagogisk-stoette',
        titel: 'Praktisk pædagogisk støtte i hjemmet',
        kind: 'changed',
        fields: [
          { field: 'alder', class: 'material', change: 'maalgruppe-udvidet', before: '0-17 år', after: '0-18 år' },
          {
            field: 'lovhjemmel',
            class: 'material',
            change: 'lovhjemmel-aendret',
            before: 'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 5',
            after: 'Indsatsen gives efter:\n\n- Barnets Lov § 32, stk. 1, nr. 8',
          },
        ],
      },
    ];
    const [measure] = presentChangelog(round).measures;
    expect(measure!.amendments.map((amendment) => amendment.text)).toEqual([
      'I feltet »Alder« ændres »0–17 år« til: »0–18 år«.',
      'I afsnittet »Lovhjemmel« ændres »Barnets Lov § 32, stk. 1, nr. 5« til: »Barnets Lov § 32, stk. 1, nr. 8«.',
    ]);
    // The paralleltekst shows what the amendment quotes.
    expect(measure!.fields[0]).toMatchObject({ before: '0–17 år', after: '0–18 år' });
  });

  it("dates the adopted side by the frame's adoption, else by its tag's name, and only then by the commit", () => {
    const round = sampleRound();
    const adoption = { dato: '2025-02-10', organ: 'Børne- og Ungeudvalget', reference: 'Sag 25/01234' };
    const dates = () => presentChangelog(round).sides.find((row) => row.label === 'Dato');
    round.from = { ...round.from, label: 'vedtaget/2025-02-11', date: '2026-11-25T10:00:00Z' };
    round.before.frame = { ...round.before.frame, vedtagelse: adoption };
    expect(dates()).toEqual({ label: 'Dato', from: '10. februar 2025', to: '15. januar 2026' });
    delete round.before.frame.vedtagelse;
    expect(dates()?.from).toBe('11. februar 2025');
    round.from.label = 'main~3';
    expect(dates()?.from).toBe('25. november 2026');
  });

  it('dates the proposal by its own adoption, not one it still carries from the adopted version', () => {
    const round = sampleRound();
    const adoption = { dato: '2025-02-11', organ: 'Børne- og Ungeudvalget', reference: 'Sag 25/01234' };
    round.before.frame = { ...round.before.frame, vedtagelse: adoption };
    round.after.frame = { ...round.after.frame, vedtagelse: adoption };
    const dates = () => presentChangelog(round).sides.find((row) => row.label === 'Dato');
    expect(dates()).toEqual({ label: 'Dato', from: '11. februar 2025', to: '15. januar 2026' });
    round.after.frame = { ...round.after.frame, vedtagelse: { ...adoption, dato: '2026-02-20' } };
    expect(dates()?.to).toBe('20. februar 2026');
    round.to = { label: 'arbejdskopien' };
    round.after.frame = { ...round.after.frame, vedtagelse: adoption };
    expect(dates()?.to).toBe('–');
  });

  it('gives both sides of the round in the committee’s words, with Danish dates and a dash where a side has no value; the refs only in the provenance line', () => {
    const round = sampleRound();
    round.to = { label: 'arbejdskopien' };
    const presentation = presentChangelog(round);
    expect(presentation.sides).toEqual([
      { label: 'Status', from: expect.any(String) as string, to: expect.any(String) as string },
      { label: 'Dato', from: '11. februar 2025', to: '–' },
      { label: 'Version', from: '2025.1', to: '–' },
      { label: 'Gyldig fra', from: '1. marts 2025', to: '–' },
    ]);
    expect(presentation.roundText).toBe('Det gældende serviceniveau (vedtaget 11. februar 2025) og forslaget til ændringer');
    expect(presentation.provenance).toBe('Dannet af serviceniveau fra vedtaget/2025-02-11 (aaaaaaa) til arbejdskopien.');
    const committeeText = JSON.stringify({ ...presentation, fromLabel: '', toLabel: '', provenance: '' });
    expect(committeeText).not.toMatch(/arbejdskopien|vedtaget\/2025|aaaaaaa/);
  });

  it('leaves the changes it was given as they were', () => {
    const changes = sampleRound().changelog.changes;
    const before = JSON.stringify(changes);
    orderChanges(changes.reverse());
    expect(JSON.stringify(changes.reverse())).toBe(before);
  });
});

describe('presentServiceLevel', () => {
  const level = (): ServiceLevel => {
    const after = sampleRound().after;
    return {
      ...after,
      frame: {
        ...after.frame,
        vedtagelse: { dato: '2025-02-11', organ: 'Børne- og Ungeudvalget', reference: 'Sag 25/01234, punkt 7' },
        naeste_revision: '2027-02-01',
      },
      measures: [
        ...after.measures,
        { id: 'ny-indsats', titel: 'Ny indsats', kategori: '  ', formaal: 'At hjælpe.' },
        { id: 'familiebehandling', titel: 'Familiebehandling', kategori: 'Behandling', alder: { fra: 0, til: 17 } },
      ],
    };
  };

  it('gives the facts with Danish dates and the status as the committee says it', () => {
    expect(presentServiceLevel(level(), sampleRound().to, META).facts).toEqual([
      { label: 'Version', value: '2026.1' },
      { label: 'Gyldig fra', value: '1. marts 2026' },
      { label: 'Status', value: 'I høring' },
      { label: 'Vedtaget', value: '11. februar 2025 af Børne- og Ungeudvalget (Sag 25/01234, punkt 7)' },
      { label: 'Næste revision', value: '1. februar 2027' },
    ]);
  });

  it('groups the measures by kategori in the order given, those without one (or only spaces) last under »Øvrige foranstaltninger«, numbered through the level', () => {
    const groups = presentServiceLevel(level(), sampleRound().to, META).groups;
    expect(groups.map((group) => [group.number, group.kategori, group.measures.map((measure) => `${measure.number} ${measure.titel}`)])).toEqual([
      [1, 'Støttende indsatser', ['1 Mentor til unge', '2 Praktisk pædagogisk støtte i hjemmet']],
      [2, 'Behandling', ['3 Familiebehandling']],
      [3, NO_KATEGORI, ['4 Ny indsats']],
    ]);
    expect(groups[1]!.measures[0]!.age).toEqual({ label: 'Alder', value: '0–17 år' });
    expect(groups[1]!.measures[0]!.sections.find((section) => section.key === 'formaal')).toEqual({ key: 'formaal', heading: 'Formål', text: '' });
  });

  it('signs the foreword with the underskriver unless the foreword already ends with the name', () => {
    const signed = presentServiceLevel(level(), sampleRound().to, META);
    expect(signed.signatory).toEqual({ navn: 'Lene Holm', titel: 'Borgmester' });
    const already = level();
    already.frame = { ...already.frame, forord: 'Jeg er glad for at kunne præsentere vores serviceniveau.\n\nLene Holm, borgmester' };
    expect(presentServiceLevel(already, sampleRound().to, META).signatory).toBeUndefined();
  });

  it('leaves out a role plan without roles', () => {
    expect(presentServiceLevel(level(), sampleRound().to, META).rolePlan).toBeUndefined();
  });
});

describe('labels and formats', () => {
  it('has a Danish label for every status the schema allows', () => {
    expect(STATUS_LABELS).toEqual({ udkast: 'Udkast', hoering: 'I høring', vedtaget: 'Vedtaget' });
  });

  it.each([
    ['2025-02-11', '11. februar 2025'],
    ['2026-01-15T09:30:00Z', '15. januar 2026'],
    ['2025-12-31T23:30:00-01:00', '31. december 2025'],
    ['2025-13-01', '2025-13-01'],
    ['snart', 'snart'],
  ])('writes %s as »%s«', (iso, expected) => {
    expect(formatDanishDate(iso)).toBe(expected);
  });

  it('writes an age range with an en dash, and none without both ends', () => {
    expect(ageText({ fra: 0, til: 17 })).toBe('0–17 år');
    expect(ageText({ fra: 14 })).toBeUndefined();
    expect(ageText(undefined)).toBeUndefined();
  });

  it('writes counts with a Danish thousands separator', () => {
    expect([formatCount(7), formatCount(1000), formatCount(1234567)]).toEqual(['7', '1.000', '1.234.567']);
  });
});
