import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildRound } from '../../scripts/revision/build-round.js';
import { renderChangelogDocx } from '../../scripts/revision/render-docx.js';
import { measureMarkdown } from '../helpers.js';
import { frameText, git, makeRepository } from './git-fixtures.js';

const AREA = 'policies/boern-og-unge';
const STOETTE = `${AREA}/foranstaltninger/praktisk-paedagogisk-stoette.md`;
const MENTOR = `${AREA}/foranstaltninger/mentorordning.md`;

const stoette = measureMarkdown();
const mentor = measureMarkdown({
  id: 'mentorordning',
  sections: {
    Formål: 'At give den unge en fast voksen at støtte sig til i skole og fritid.',
    Indhold: 'En frivillig mentor mødes med den unge hver uge til en gåtur, lektiehjælp eller en snak.',
    'Omfang og varighed': 'Som udgangspunkt 2 timer om ugen i et år.',
  },
}).replace('Praktisk pædagogisk støtte i hjemmet', 'Mentor til unge');

/** Adopted by one person; then Mette cuts the hours, Jonas rewrites the mentor's scope, and Mette cuts the hours again. */
function roundOfTwoAuthors(): string {
  const cwd = makeRepository([
    { files: { [`${AREA}/serviceniveau.md`]: frameText(), [STOETTE]: stoette, [MENTOR]: mentor }, tag: 'vedtaget/2025-02-11', author: 'Anne Vedtager' },
    { files: { [STOETTE]: stoette.replace('3-5 timer', '3-4 timer') }, author: 'Mette Sørensen', date: '2025-09-01T10:00:00+02:00' },
    { files: { [MENTOR]: mentor.replace('2 timer om ugen', '3 timer om ugen') }, author: 'Jonas Holm', date: '2025-09-03T14:30:00+02:00' },
    { files: { [STOETTE]: stoette.replace('3-5 timer', '2-4 timer') }, author: 'Mette Sørensen', date: '2025-09-05T08:15:00+02:00' },
  ]);
  git(cwd, 'config', 'user.name', 'Kari Nord');
  git(cwd, 'config', 'user.email', 'kari@example.org');
  return cwd;
}

/** Each tracked change in the Word document's full proposal as »author date: text«, in document order. */
async function trackedChanges(docx: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:(ins|del) [^>]*w:author="([^"]*)" w:date="([^"]*)"[^>]*>(.*?)<\/w:\1>/gs)].map(
    ([, kind, author, date, body]) => `${kind} ${author} ${date}: ${[...body!.matchAll(/<w:(?:t|delText)[^>]*>([^<]*)</g)].map((text) => text[1]).join('')}`,
  );
}

describe('tracked changes carry who made the change, and when', () => {
  it('each change is by the author of the newest commit that changed its measure, not by the tool or the clock', async () => {
    const cwd = roundOfTwoAuthors();
    const round = await buildRound({ cwd, to: 'HEAD' });
    expect(round.changedBy).toEqual({
      'praktisk-paedagogisk-stoette': { author: 'Mette Sørensen', date: '2025-09-05T08:15:00+02:00' },
      mentorordning: { author: 'Jonas Holm', date: '2025-09-03T14:30:00+02:00' },
    });
    const changes = await trackedChanges(await renderChangelogDocx(round));
    expect(changes).toEqual(
      expect.arrayContaining([
        'del Mette Sørensen 2025-09-05T08:15:00+02:00: 3-5',
        'ins Mette Sørensen 2025-09-05T08:15:00+02:00: 2-4',
        'del Jonas Holm 2025-09-03T14:30:00+02:00: 2',
        'ins Jonas Holm 2025-09-03T14:30:00+02:00: 3',
      ]),
    );
    expect(changes.join('\n')).not.toMatch(/serviceniveau|Anne Vedtager|1970/);
  });

  it('a working tree identical to HEAD gives the same authors and dates as --to HEAD', async () => {
    const cwd = roundOfTwoAuthors();
    const [head, tree] = [await buildRound({ cwd, to: 'HEAD' }), await buildRound({ cwd })];
    expect(tree.changedBy).toEqual(head.changedBy);
    expect({ author: tree.to.author, date: tree.to.date }).toEqual({ author: 'Mette Sørensen', date: '2025-09-05T08:15:00+02:00' });
    expect(await trackedChanges(await renderChangelogDocx(tree))).toEqual(await trackedChanges(await renderChangelogDocx(head)));
  });

  it('an uncommitted change is by the git user, now; the committed ones keep their commits', async () => {
    const cwd = roundOfTwoAuthors();
    writeFileSync(join(cwd, MENTOR), readFileSync(join(cwd, MENTOR), 'utf8').replace('3 timer om ugen', '4 timer om ugen'));
    const started = Date.now() - 1000;
    const round = await buildRound({ cwd });
    const mentorChange = round.changedBy['mentorordning']!;
    expect(mentorChange.author).toBe('Kari Nord');
    expect(Date.parse(mentorChange.date)).toBeGreaterThanOrEqual(started);
    expect(Date.parse(mentorChange.date)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(round.changedBy['praktisk-paedagogisk-stoette']).toEqual({ author: 'Mette Sørensen', date: '2025-09-05T08:15:00+02:00' });
    expect(round.to.author).toBe('Kari Nord');
    const changes = await trackedChanges(await renderChangelogDocx(round));
    expect(changes).toContain('ins Mette Sørensen 2025-09-05T08:15:00+02:00: 2-4');
    expect(changes.filter((change) => change.startsWith('ins Kari Nord'))).toEqual([expect.stringMatching(/: 4$/)]);
  });

  it('a removed measure is credited to the commit that removed it', async () => {
    const cwd = roundOfTwoAuthors();
    git(cwd, 'rm', '-q', MENTOR);
    git(cwd, '-c', 'user.name=Lone Berg', 'commit', '-qm', 'Mentorordningen udgår');
    const round = await buildRound({ cwd, to: 'HEAD' });
    expect(round.changedBy['mentorordning']?.author).toBe('Lone Berg');
    const deleted = (await trackedChanges(await renderChangelogDocx(round))).filter((change) => change.includes('Mentor til unge'));
    expect(deleted).toEqual([expect.stringMatching(/^del Lone Berg /)]);
  });
});
