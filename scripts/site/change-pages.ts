import { ADOPTED_TAG_PREFIX } from '../git/adopted-tag.js';
import { escapeHtml } from '../revision/html-escape.js';
import { markdownToHtml } from '../revision/markdown-to-html.js';
import { FRAME_ID } from '../revision/diff-snapshots.js';
import type { ChangelogPresentation, FieldPresentation, MeasurePresentation } from '../revision/present/changelog.js';
import { formatDanishDate } from '../revision/present/format.js';
import { redline } from '../revision/redline.js';
import type { PageContent } from './layout.js';

/** The folder of the »Hvad er ændret« pages. */
export const CHANGES_FOLDER = 'aendringer';

/** The overview of every adopted version: the menu entry »Hvad er ændret«. */
export const CHANGES_INDEX = `${CHANGES_FOLDER}/index.html`;

/** The role plan's id in a changelog, beside the frame's (`serviceniveau`). */
const ROLE_PLAN_ID = 'rolleplan';

/** One adopted version and, unless it is the first, what changed since the one before. */
export interface SiteRound {
  /** The tag: »vedtaget/2026-02-10«. */
  label: string;
  /** The adopted version before it, when there is one, and what changed since. */
  previous?: string;
  changes?: ChangelogPresentation;
}

/** Where a measure's change in a round is on the site: the round's page and the measure's anchor on it. */
export interface HistoryEntry {
  href: string;
  date: string;
  kindLabel: string;
  summary: string;
}

/** »vedtaget/2026-02-10« → »aendringer/2026-02-10.html«. */
export function roundPath(label: string): string {
  return `${CHANGES_FOLDER}/${label.slice(ADOPTED_TAG_PREFIX.length)}.html`;
}

function roundDate(label: string): string {
  return formatDanishDate(label.slice(ADOPTED_TAG_PREFIX.length));
}

/** A change's anchor on its round's page: the measure's id when it is a plain name, else its place in the round. */
function anchorOf(measure: Pick<MeasurePresentation, 'id' | 'number'>): string {
  return /^[a-z0-9][a-z0-9-]{0,120}$/.test(measure.id) ? measure.id : `aendring-${measure.number}`;
}

/**
 * Per measure id on the site, the rounds that changed it, newest first. A measure renamed in a round also takes the
 * history of its earlier id, so its page shows every change since the first adopted version.
 */
export function historiesOf(rounds: readonly SiteRound[], ids: readonly string[]): Map<string, HistoryEntry[]> {
  const histories = new Map<string, HistoryEntry[]>();
  for (const id of ids) {
    const names = new Set([id]);
    const entries: HistoryEntry[] = [];
    for (const round of [...rounds].reverse()) {
      const change = round.changes?.measures.find((measure) => names.has(measure.id));
      if (!change) continue;
      entries.push({
        href: `${roundPath(round.label)}#${anchorOf(change)}`,
        date: roundDate(round.label),
        kindLabel: change.kindLabel,
        summary: change.summary,
      });
      if (change.previousId) names.add(change.previousId);
    }
    histories.set(id, entries);
  }
  return histories;
}

/** The overview »Hvad er ændret«: every adopted version, newest first, with its changes counted, linking to its page. */
export function changesIndexPage(rounds: readonly SiteRound[]): PageContent {
  const items = [...rounds].reverse().map((round) => {
    const date = roundDate(round.label);
    if (!round.changes) return `<li>Vedtaget ${escapeHtml(date)}: den første vedtagne version.</li>`;
    const count = round.changes.measures.length;
    const what = count === 0 ? 'ingen ændringer' : round.changes.totals.text;
    return `<li><a href="${roundPath(round.label).slice(CHANGES_FOLDER.length + 1)}">Vedtaget ${escapeHtml(date)}</a>: ${escapeHtml(what)}</li>`;
  });
  return {
    path: CHANGES_INDEX,
    title: 'Hvad er ændret',
    current: CHANGES_INDEX,
    main: [
      '<h1>Hvad er ændret</h1>',
      '<p>Her kan du se, hvad der er ændret i serviceniveauet, hver gang det er vedtaget. Den nyeste version står først.</p>',
      `<ul class="runder">${items.join('\n')}</ul>`,
    ],
  };
}

/**
 * One adopted version's page: what changed since the version before, measure by measure, with the earlier and the new
 * wording of each changed section. `sitePaths` are the measure pages of this site, by id, to link the changes to.
 */
export function roundPage(round: SiteRound & { previous: string; changes: ChangelogPresentation }, sitePaths: ReadonlyMap<string, string>): PageContent {
  const { changes } = round;
  const date = roundDate(round.label);
  const contents = changes.measures.map(
    (measure) =>
      `<li><a href="#${anchorOf(measure)}">${escapeHtml(measure.titel)}</a> (${escapeHtml([measure.kindLabel.toLocaleLowerCase('da'), measure.summary].filter(Boolean).join(', '))})</li>`,
  );
  return {
    path: roundPath(round.label),
    title: `Hvad er ændret i versionen vedtaget ${date}`,
    current: CHANGES_INDEX,
    main: [
      '<p><a href="index.html">Alle vedtagne versioner</a></p>',
      `<h1>Hvad er ændret i versionen vedtaget ${escapeHtml(date)}</h1>`,
      `<p>Siden viser, hvad der blev ændret i serviceniveauet, da det blev vedtaget ${escapeHtml(date)}, i forhold til versionen vedtaget ${escapeHtml(roundDate(round.previous))}.</p>`,
      ...(changes.measures.length === 0
        ? ['<p>Versionen indeholder ingen ændringer.</p>']
        : [
            `<p>${escapeHtml(changes.totals.text)}</p>`,
            '<nav class="runde-indhold" aria-labelledby="aendrede">',
            '<h2 id="aendrede">Det er ændret</h2>',
            `<ul>${contents.join('\n')}</ul>`,
            '</nav>',
            ...changes.measures.flatMap((measure) => changeSection(measure, sitePaths)),
          ]),
    ],
  };
}

function changeSection(measure: MeasurePresentation, sitePaths: ReadonlyMap<string, string>): string[] {
  const anchor = anchorOf(measure);
  const link = linkTo(measure, sitePaths);
  const meta = [measure.kindLabel, ...(measure.summary ? [measure.summary] : []), ...(measure.previousId ? [`tidligere id ${measure.previousId}`] : [])];
  return [
    `<section class="aendring" aria-labelledby="${anchor}">`,
    `<h2 id="${anchor}">${escapeHtml(measure.titel)}</h2>`,
    `<p class="meta">${escapeHtml(meta.join(' · '))}</p>`,
    ...(link
      ? [`<p><a href="${link}">Se ${measure.id === FRAME_ID ? 'forsiden' : measure.id === ROLE_PLAN_ID ? 'rolleplanen' : 'foranstaltningen'} nu</a></p>`]
      : []),
    ...(measure.whole
      ? [
          `<p>${measure.whole.side === 'after' ? 'Den nye tekst:' : 'Den tekst, der udgår:'}</p>`,
          ...[...measure.whole.facts, ...measure.whole.sections].flatMap((row) => [`<h3>${escapeHtml(row.heading)}</h3>`, fieldContent(row.text)]),
        ]
      : []),
    ...measure.fields.flatMap(fieldChange),
    '</section>',
  ];
}

/** The measure's page as it is now, the front page for the frame, the role plan page; none for a measure that is gone. */
function linkTo(measure: MeasurePresentation, sitePaths: ReadonlyMap<string, string>): string | undefined {
  if (measure.kind === 'removed') return undefined;
  if (measure.id === FRAME_ID) return '../index.html';
  if (measure.id === ROLE_PLAN_ID) return sitePaths.has(ROLE_PLAN_ID) ? '../rolleplan.html' : undefined;
  const path = sitePaths.get(measure.id);
  return path ? `../${path}` : undefined;
}

/** A changed section: its heading, how much the change matters, and the earlier and new wording with the difference marked. */
function fieldChange(field: FieldPresentation): string[] {
  const segments = redline(field.before, field.after);
  const side = (kind: 'del' | 'ins') =>
    segments
      .map((segment) => (segment.type === 'same' ? escapeHtml(segment.text) : segment.type === kind ? `<${kind}>${escapeHtml(segment.text)}</${kind}>` : ''))
      .join('');
  return [
    `<h3>${escapeHtml(field.heading)}</h3>`,
    `<p class="klasse">${escapeHtml(field.classLabel)}${field.note ? `: ${escapeHtml(field.note)}` : ''}</p>`,
    '<div class="foer-efter">',
    `<div><h4>Før</h4><p>${field.before.trim() === '' ? '<em>Ikke udfyldt.</em>' : side('del')}</p></div>`,
    `<div><h4>Nu</h4><p>${field.after.trim() === '' ? '<em>Ikke udfyldt.</em>' : side('ins')}</p></div>`,
    '</div>',
  ];
}

function fieldContent(text: string): string {
  return text.trim() !== '' ? markdownToHtml(text) : '<p class="mangler">Ikke udfyldt.</p>';
}
