import type { MeasureRef, OpfoelgningConfig, ScopeUnit } from './model.js';

/** One measure of Eksempel Kommune as its case system codes it, and the scope its allocations are drawn around. */
interface ExampleMeasure {
  code: string;
  id: string;
  paragraf: string;
  /** Weight in the export: how common allocations of it are. */
  weight: number;
  scope?: { unit: ScopeUnit; exported: string; from: number; to: number };
  /** Hourly (or daily, per session) price in kroner, for the cost column. */
  price: number;
}

const MEASURES: readonly ExampleMeasure[] = [
  {
    code: 'FAM-01',
    id: 'familiebehandling',
    paragraf: '§ 32, stk. 1, nr. 5',
    weight: 5,
    scope: { unit: 'sessioner om ugen', exported: 'sessioner pr. uge', from: 1, to: 2 },
    price: 1_400,
  },
  {
    code: 'KON-01',
    id: 'fast-kontaktperson',
    paragraf: '§ 32, stk. 1, nr. 3',
    weight: 6,
    scope: { unit: 'timer om ugen', exported: 'timer pr. uge', from: 2, to: 5 },
    price: 450,
  },
  {
    code: 'PPS-01',
    id: 'praktisk-paedagogisk-stoette',
    paragraf: '§ 32, stk. 1, nr. 2',
    weight: 5,
    scope: { unit: 'timer om ugen', exported: 'timer pr. uge', from: 3, to: 5 },
    price: 480,
  },
  {
    code: 'AFL-01',
    id: 'stoetteophold-aflastning',
    paragraf: '§ 32, stk. 1, nr. 7',
    weight: 4,
    scope: { unit: 'døgn om måneden', exported: 'døgn pr. måned', from: 2, to: 4 },
    price: 3_200,
  },
  { code: 'FKB-01', id: 'forebyggende-konsulentbistand', paragraf: '§ 30, stk. 1, nr. 1', weight: 3, price: 900 },
  { code: 'DHF-01', id: 'doegnophold-for-hele-familien', paragraf: '§ 32, stk. 1, nr. 6', weight: 1, price: 9_500 },
  { code: 'ANB-PF', id: 'anbringelse-i-plejefamilie', paragraf: '§ 46, stk. 1', weight: 2, price: 1_100 },
  { code: 'UNG-01', id: 'ungestoette', paragraf: '§ 113', weight: 2, price: 500 },
];

/** The `opfoelgning` snippet for serviceniveau.config.json that reads the example export. */
export const EXAMPLE_CONFIG: OpfoelgningConfig = {
  kolonner: {
    kode: 'Ydelseskode',
    paragraf: 'Paragraf',
    barn: 'Sagsnr',
    start: 'Startdato',
    slut: 'Slutdato',
    omfang: 'Omfang',
    omfangEnhed: 'Enhed',
    udgift: 'Udgift',
  },
  koder: Object.fromEntries(MEASURES.map((measure) => [measure.code, measure.id])),
};

/** The example measures as the reader sees them, for the benchmark and tests without the policy set. */
export const EXAMPLE_MEASURES: MeasureRef[] = MEASURES.map((measure) => ({
  id: measure.id,
  titel: measure.id,
  lovhjemmel: `Barnets Lov ${measure.paragraf}`,
  ...(measure.scope ? { omfangEnhed: measure.scope.unit } : {}),
}));

const HEADER = [
  'Sagsnr',
  'CPR-nr.',
  'Barnets navn',
  'Adresse',
  'Ydelseskode',
  'Paragraf',
  'Fødselsdato',
  'Startdato',
  'Slutdato',
  'Omfang',
  'Enhed',
  'Udgift',
  'Opfølgning',
];

/** A small, fast generator with a fixed seed (mulberry32): the same export every run. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY = 86_400_000;
const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
const danishDate = (time: number): string => {
  const date = new Date(time);
  return `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`;
};
const danishNumber = (value: number, decimals: number): string => {
  const [whole, fraction] = value.toFixed(decimals).split('.');
  const digits = whole ?? '0';
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const grouped = groups.join('.');
  return fraction ? `${grouped},${fraction}` : grouped;
};

/**
 * A synthetic export of allocations for Eksempel Kommune over 2024–2025, as Excel writes a »CSV (semikolonsepareret)«
 * on Danish Windows: Windows-1252, `;`, CRLF, Danish dates and decimal commas, an empty row and an »I alt« row at the
 * end. No real persons: the case numbers, names and addresses are made up, and the CPR numbers have day 00, which no one is born on.
 */
export function exampleExport(rows = 400, seed = 17): Buffer {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const weighted = MEASURES.flatMap((measure) => Array.from({ length: measure.weight }, () => measure));
  const children = Math.max(1, Math.round(rows * 0.6));
  const lines = [HEADER.join(';')];
  const periodStart = Date.UTC(2024, 0, 1);
  const periodDays = 730;
  let total = 0;
  for (let index = 0; index < rows; index++) {
    const measure = pick(weighted);
    const child = Math.floor(next() * children);
    const birth = Date.UTC(2003 + (child % 20), child % 12, 1 + (child % 28));
    const start = periodStart + Math.floor(next() * periodDays) * DAY;
    const months = 3 + Math.floor(next() * 16);
    const open = next() < 0.3;
    const end = start + Math.round(months * 30.4) * DAY;
    const scope = measure.scope ? Math.max(0.5, measure.scope.from - 1 + next() * (measure.scope.to - measure.scope.from + 2)) : undefined;
    const roundedScope = scope === undefined ? undefined : Math.round(scope * 2) / 2;
    const perMonth = measure.scope?.unit.endsWith('ugen') ? 52 / 12 : 1;
    const cost = Math.round((roundedScope ?? 4) * perMonth * measure.price * Math.min(months, 12) * 100) / 100;
    total += cost;
    const followUp = next() < 0.7 ? danishDate(start + Math.min(Math.floor(next() * 200), open ? 200 : months * 30) * DAY) : '';
    const byParagraph = next() < 0.05;
    const unknown = next() < 0.01;
    const birthDate = new Date(birth);
    lines.push(
      [
        `S-${pad(child + 1, 6)}`,
        // Day 00 in a fake-looking CPR number: the shape of one, never a real person's.
        `00${pad(birthDate.getUTCMonth() + 1)}${pad(birthDate.getUTCFullYear() % 100)}-${pad(child % 10_000, 4)}`,
        `Testbarn ${child + 1} Eksempelsen`,
        `Eksempelvej ${(child % 90) + 1}, 9999 Eksempelby`,
        unknown ? 'XYZ-99' : byParagraph ? '' : measure.code,
        unknown ? '§ 75' : measure.paragraf,
        danishDate(birth),
        danishDate(start),
        open ? '' : danishDate(end),
        roundedScope === undefined ? '' : danishNumber(roundedScope, roundedScope % 1 === 0 ? 0 : 1),
        measure.scope?.exported ?? '',
        danishNumber(cost, 2),
        followUp,
      ].join(';'),
    );
  }
  lines.push(HEADER.map(() => '').join(';'));
  lines.push(['I alt', ...HEADER.slice(1, -2).map(() => ''), danishNumber(total, 2), ''].join(';'));
  return encodeWindows1252(`${lines.join('\r\n')}\r\n`);
}

/** Windows-1252 bytes of text written in Latin-1 letters (æ, ø, å, », «) and the euro sign. */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.alloc(text.length);
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x20ac) bytes[at] = 0x80;
    else if (code === 0x2013) bytes[at] = 0x96;
    else if (code < 0x100 && (code < 0x80 || code > 0x9f)) bytes[at] = code;
    else throw new Error(`Tegnet U+${code.toString(16)} findes ikke i Windows-1252`);
  }
  return bytes;
}
