import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Round } from '../../scripts/revision/model.js';
import { presentChangelog } from '../../scripts/revision/present/changelog.js';
import { NO_LAW_TEXT, type LawBasisEntry } from '../../scripts/revision/present/law-basis.js';
import { presentServiceLevel } from '../../scripts/revision/present/service-level.js';
import { sampleRound } from './sample-round.js';

const META = { kommune: 'Eksempel Kommune', omraade: 'Børn og unge med særlige behov' };
const WITH_LAW_BASIS = { lawBasis: true };
const ELI_282 = 'https://www.retsinformation.dk/eli/lta/2025/282';
const INTRO_32 =
  'Når det må anses for at være af væsentlig betydning af hensyn til et barns eller en ungs særlige behov for støtte, skal kommunalbestyrelsen træffe afgørelse om en eller flere af følgende støttende indsatser, jf. dog § 54, stk. 3, i lov om bekæmpelse af ungdomskriminalitet: …';

/** The sample round with the Lovhjemmel of the added measure, Mentor til unge, replaced. */
function roundWithMentorLovhjemmel(lovhjemmel: string): Round {
  const round = sampleRound();
  round.after.measures = round.after.measures.map((measure) => (measure.id === 'mentorordning' ? { ...measure, lovhjemmel } : measure));
  return round;
}

function summary(entry: LawBasisEntry): string {
  return `${entry.written}: ${'quote' in entry ? entry.quote.act.name : entry.missing} ← ${entry.citedBy.map((measure) => measure.titel).join(', ')}`;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('presentChangelog: the appendix »Lovgrundlag«', () => {
  it('quotes the provisions the changed measures cite from LBK nr 282 af 17/03/2025, the act in force on the proposal’s gyldig fra', () => {
    const lawBasis = presentChangelog(sampleRound(), WITH_LAW_BASIS).lawBasis!;
    expect(lawBasis.heading).toBe('Lovgrundlag');
    expect(lawBasis.intro).toContain(
      'som de ændrede foranstaltninger henviser til, sådan som loven lyder den 1. marts 2026, hvor det nye serviceniveau gælder fra',
    );
    expect(lawBasis.entries).toEqual([
      {
        number: 1,
        written: 'Barnets Lov § 32, stk. 1, nr. 2',
        citedBy: [{ number: 1, titel: 'Praktisk pædagogisk støtte i hjemmet' }],
        quote: {
          act: { name: 'LBK nr 282 af 17/03/2025', titel: 'Bekendtgørelse af barnets lov', eli: ELI_282 },
          lines: [INTRO_32, '2) Praktisk, pædagogisk eller anden støtte i hjemmet.'],
          source: 'LBK nr 282 af 17/03/2025 (Bekendtgørelse af barnets lov)',
        },
      },
      {
        number: 2,
        written: 'Barnets Lov § 32, stk. 1, nr. 3',
        citedBy: [{ number: 2, titel: 'Mentor til unge' }],
        quote: {
          act: { name: 'LBK nr 282 af 17/03/2025', titel: 'Bekendtgørelse af barnets lov', eli: ELI_282 },
          lines: [INTRO_32, '3) Udpegning af en fast kontaktperson for barnet eller den unge eller for hele familien.'],
          source: 'LBK nr 282 af 17/03/2025 (Bekendtgørelse af barnets lov)',
        },
      },
    ]);
  });

  it('lists a provision once with every changed measure that cites it, ordered by law and paragraph', () => {
    const round = roundWithMentorLovhjemmel('Serviceloven § 83, Barnets Lov § 52, stk. 3, Barnets Lov § 32 a og Barnets Lov § 32, stk. 1, nr. 2.');
    expect(presentChangelog(round, WITH_LAW_BASIS).lawBasis!.entries.map(summary)).toEqual([
      'Barnets Lov § 32, stk. 1, nr. 2: LBK nr 282 af 17/03/2025 ← Praktisk pædagogisk støtte i hjemmet, Mentor til unge',
      `Barnets Lov § 32 a: ${NO_LAW_TEXT} ← Mentor til unge`,
      'Barnets Lov § 52, stk. 3: LBK nr 282 af 17/03/2025 ← Mentor til unge',
      'Serviceloven § 83: LBK nr 1129 af 22/09/2025 ← Mentor til unge',
    ]);
  });

  it('lists a citation it has no text for, of another law or not in the act, with »Lovteksten findes ikke i værktøjet«', () => {
    const round = roundWithMentorLovhjemmel('Barnets Lov § 999 og folkeskoleloven § 3, stk. 2.');
    const entries = presentChangelog(round, WITH_LAW_BASIS).lawBasis!.entries;
    expect(entries.map(summary)).toEqual([
      'Barnets Lov § 32, stk. 1, nr. 2: LBK nr 282 af 17/03/2025 ← Praktisk pædagogisk støtte i hjemmet',
      `Barnets Lov § 999: ${NO_LAW_TEXT} ← Mentor til unge`,
      `Lov om folkeskolen § 3, stk. 2: ${NO_LAW_TEXT} ← Mentor til unge`,
    ]);
    expect(entries[2]).toEqual({
      number: 3,
      written: 'Lov om folkeskolen § 3, stk. 2',
      citedBy: [{ number: 2, titel: 'Mentor til unge' }],
      missing: NO_LAW_TEXT,
    });
  });

  it('reads a removed measure’s citations from its present wording, and marks it', () => {
    const round = sampleRound();
    round.changelog.changes = [{ id: 'praktisk-paedagogisk-stoette', titel: 'Praktisk pædagogisk støtte i hjemmet', kind: 'removed', fields: [] }];
    round.after.measures = round.after.measures.filter((measure) => measure.id !== 'praktisk-paedagogisk-stoette');
    const [entry] = presentChangelog(round, WITH_LAW_BASIS).lawBasis!.entries;
    expect(entry!.written).toBe('Barnets Lov § 32, stk. 1, nr. 2');
    expect(entry!.citedBy).toEqual([{ number: 1, titel: 'Praktisk pædagogisk støtte i hjemmet', removed: true }]);
  });

  it('leaves out measures the round did not change, and the frame', () => {
    const round = sampleRound();
    round.changelog.changes = round.changelog.changes.filter((change) => change.id !== 'mentorordning');
    round.after.frame = { ...round.after.frame, maalgruppe: 'Børn og unge, jf. Barnets Lov § 1.' };
    expect(presentChangelog(round, WITH_LAW_BASIS).lawBasis!.entries.map((entry) => entry.written)).toEqual(['Barnets Lov § 32, stk. 1, nr. 2']);
  });

  it('quotes the act in force on the proposal’s gyldig fra: LBK nr 83 af 25/01/2024 for 1. marts 2024', () => {
    const round = sampleRound();
    round.to.gyldigFra = '2024-03-01';
    const [entry] = presentChangelog(round, WITH_LAW_BASIS).lawBasis!.entries;
    expect('quote' in entry! && entry.quote.act).toEqual({
      name: 'LBK nr 83 af 25/01/2024',
      titel: 'Bekendtgørelse af barnets lov',
      eli: 'https://www.retsinformation.dk/eli/lta/2024/83',
    });
  });

  it('quotes the law as it reads today when the proposal has no gyldig fra, and says so', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-04-02T12:00:00Z'));
    const round = sampleRound();
    delete round.to.gyldigFra;
    delete round.after.frame?.gyldig_fra;
    const lawBasis = presentChangelog(round, WITH_LAW_BASIS).lawBasis!;
    expect(lawBasis.intro).toContain('sådan som loven lyder i dag, den 2. april 2025, da serviceniveauet ikke har en dato, det gælder fra');
    expect(lawBasis.entries.map(summary)[0]).toBe('Barnets Lov § 32, stk. 1, nr. 2: LBK nr 282 af 17/03/2025 ← Praktisk pædagogisk støtte i hjemmet');
  });

  it('has no appendix without a register to read the citations by, or when nothing is cited', () => {
    const round = sampleRound();
    delete round.after.register;
    delete round.before.register;
    expect(presentChangelog(round, WITH_LAW_BASIS).lawBasis).toBeUndefined();
    const uncited = roundWithMentorLovhjemmel('Se kommunens retningslinjer.');
    uncited.changelog.changes = uncited.changelog.changes.filter((change) => change.id === 'mentorordning');
    expect(presentChangelog(uncited, WITH_LAW_BASIS).lawBasis).toBeUndefined();
  });
});

describe('presentServiceLevel: the appendix »Lovgrundlag«', () => {
  it('quotes every provision every measure cites, with the measures’ numbers for their anchors', () => {
    const lawBasis = presentServiceLevel(sampleRound().after, sampleRound().to, META, WITH_LAW_BASIS).lawBasis!;
    expect(lawBasis.intro).toContain('som foranstaltningerne henviser til, sådan som loven lyder den 1. marts 2026, hvor serviceniveauet gælder fra');
    expect(lawBasis.entries.map(summary)).toEqual([
      'Barnets Lov § 32, stk. 1, nr. 2: LBK nr 282 af 17/03/2025 ← Praktisk pædagogisk støtte i hjemmet',
      'Barnets Lov § 32, stk. 1, nr. 3: LBK nr 282 af 17/03/2025 ← Mentor til unge',
    ]);
    expect(lawBasis.entries.map((entry) => entry.citedBy[0]!.number)).toEqual([2, 1]);
  });
});

describe('the appendix »Lovgrundlag« is presented only when asked for', () => {
  it('is left out of the presentations by default: the Markdown of a pull request does not draw it', () => {
    expect(presentChangelog(sampleRound()).lawBasis).toBeUndefined();
    expect(presentServiceLevel(sampleRound().after, sampleRound().to, META).lawBasis).toBeUndefined();
  });
});
