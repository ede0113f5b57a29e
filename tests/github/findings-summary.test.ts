import { describe, expect, it } from 'vitest';
import { cell } from '../../scripts/github/findings-summary.js';
import { escapeMentions } from '../../scripts/github/mentions.js';

describe('mentions in what the tool writes to GitHub', () => {
  const cases: [string, string, string][] = [
    ['a user', 'Spørg @jens-hansen', 'Spørg @&#8288;jens-hansen'],
    ['a team', '@kommunen/boernefamilie ved besked', '@&#8288;kommunen/boernefamilie ved besked'],
    ['after punctuation', '(cc:@leder)', '(cc:@&#8288;leder)'],
    ['after a Danish letter, which GitHub counts as a non-word character', 'fø@leder', 'fø@&#8288;leder'],
    ['an e-mail address is left alone', 'skriv til anna@kommune.dk', 'skriv til anna@kommune.dk'],
    ['an @ before a space is left alone', 'mødes @ rådhuset', 'mødes @ rådhuset'],
  ];
  for (const [name, text, expected] of cases) {
    it(`${name}: »${text}«`, () => {
      expect(escapeMentions(text)).toBe(expected);
    });
  }

  it('a finding quoted in the job summary table pings no one, and its entity survives the HTML escaping', () => {
    expect(cell('Teksten nævner @jens & @kommunen/team')).toBe('Teksten nævner @&#8288;jens &amp; @&#8288;kommunen/team');
  });
});
