/** A word or a clause mark of a sentence, with its range in the sentence text. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

/** What a stretch of a sentence between two clause boundaries is, told by the word it starts with. */
export type PieceKind =
  | 'main'
  /** »og/men/eller …« after a comma, or »men« anywhere: a new main clause beside the one before. */
  | 'coordinate'
  /** »at/om …«: a clause said or asked by the clause before it. */
  | 'complement'
  /** »når/hvis/såfremt/dersom …«, »i tilfælde af …«. */
  | 'condition'
  /** »medmindre/undtagen/bortset fra …«. */
  | 'exception'
  /** »selvom/uanset …«, »også når/selv hvis …«: true whatever the case. */
  | 'concessive'
  /** », der/som/hvor …«: says more about a word before it. */
  | 'relative'
  /** »fordi/idet/mens/før/inden/for at …«. */
  | 'adverbial'
  /** », også …«, », fx …«: an aside inside a clause. */
  | 'aside'
  /** », ikke …«: the elliptic »not so« of the clause before it. */
  | 'contrast';

/** A stretch of a sentence between clause boundaries. `tokens` are its words; `group` numbers the main clause it belongs to. */
export interface Piece {
  kind: PieceKind;
  start: number;
  end: number;
  tokens: Token[];
  group: number;
}

// Words, and the marks that can end a clause; a dash only with spaces around it (»0-17 år« is one stretch).
const TOKEN = /[\p{L}\p{N}]+|[,;:()]|(?<= )-(?= )/gu;
const BOUNDARY = /^[,;:()-]$/;
/** An adjective after a comma continues the noun phrase: »en konkret, individuel vurdering«. */
const ADJECTIVE_AFTER_COMMA = /^(?:konkret|individuel)/;
/** Words that start a clause wherever they stand, comma or not. */
const SPLITTERS = new Set(['at', 'når', 'hvis', 'såfremt', 'dersom', 'medmindre', 'selvom', 'uanset', 'fordi', 'idet', 'mens', 'men']);
/** Words that go with the clause word after them: »også når«, »kun hvis«. */
const LEADERS = new Set(['også', 'selv', 'kun', 'netop', 'især', 'og', 'men', 'eller', 'samt', 'dog']);
const NEGATION_WORD = /^(?:ikke|ingen|intet|aldrig|hverken)$/;

/**
 * Splits a sentence (lower case) into clause pieces in one pass: at commas, semicolons, colons, brackets and
 * spaced dashes, and before the words that start a clause. Each piece is classified by its first words and
 * numbered with the main clause it belongs to: asides, relative and subordinate clauses and the main clause
 * they interrupt share a number; »og/men …« after a comma, or a main clause right after another, start a new one.
 */
export function splitClauses(sentence: string): Piece[] {
  const tokens: Token[] = [];
  for (const match of sentence.matchAll(TOKEN)) tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  const runs: { tokens: Token[]; afterComma: boolean }[] = [];
  let current: Token[] = [];
  let afterComma = false;
  const close = (nextAfterComma: boolean): void => {
    if (current.length > 0) runs.push({ tokens: current, afterComma });
    current = [];
    afterComma = nextAfterComma;
  };
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as Token;
    if (BOUNDARY.test(token.text)) {
      if (token.text === ',' && ADJECTIVE_AFTER_COMMA.test(tokens[index + 1]?.text ?? '')) continue;
      close(true);
      continue;
    }
    if (SPLITTERS.has(token.text) && current.length > 0) {
      const last = current.at(-1) as Token;
      const leader = LEADERS.has(last.text) && current.length > 1 ? current.pop() : undefined;
      close(false);
      if (leader) current.push(leader);
    }
    current.push(token);
  }
  close(false);
  const pieces: Piece[] = [];
  let group = 0;
  for (const run of runs) {
    const kind = kindOf(run.tokens, run.afterComma);
    const previous = pieces.at(-1);
    // A new main clause: after »og/men« with a comma, or a main clause straight after another (»…, stk. 3«).
    if (previous && (kind === 'coordinate' || (kind === 'main' && (previous.kind === 'main' || previous.kind === 'coordinate')))) group++;
    const first = run.tokens[0] as Token;
    const last = run.tokens.at(-1) as Token;
    pieces.push({ kind, start: first.start, end: last.end, tokens: run.tokens, group });
  }
  return pieces;
}

function kindOf(tokens: readonly Token[], afterComma: boolean): PieceKind {
  const words = tokens.map((token) => token.text);
  const leaders: string[] = [];
  while (words.length > 1 && LEADERS.has(words[0] ?? '')) leaders.push(words.shift() ?? '');
  const [first = '', second = ''] = words;
  const concessive = leaders.includes('også') || leaders.includes('selv');
  if (first === 'når' || first === 'hvis' || first === 'såfremt' || first === 'dersom') return concessive ? 'concessive' : 'condition';
  if (first === 'i' && second === 'tilfælde') return 'condition';
  if (first === 'medmindre' || first === 'undtagen' || (first === 'bortset' && second === 'fra')) return 'exception';
  if (first === 'selvom' || first === 'uanset' || (first === 'om' && leaders.includes('selv'))) return 'concessive';
  if (leaders.includes('men') || (afterComma && leaders.length > 0 && ['og', 'eller', 'samt'].includes(leaders[0] ?? ''))) return 'coordinate';
  if (first === 'at' || (afterComma && (first === 'om' || first === 'hvorvidt'))) return 'complement';
  if (['fordi', 'idet', 'mens', 'før', 'inden', 'for'].includes(first) && (first !== 'for' || second === 'at')) return 'adverbial';
  if (afterComma && ['der', 'som', 'hvor', 'hvilket', 'hvilke'].includes(first)) return 'relative';
  if (afterComma && NEGATION_WORD.test(first)) return 'contrast';
  if (afterComma && (leaders.includes('også') || ['fx', 'herunder', 'eksempelvis', 'bl', 'dvs', 'jf'].includes(first))) return 'aside';
  return 'main';
}
