import { UsageError } from '../errors.js';
import { READ_LIMITS, readBounded } from '../load/read-bounded.js';

/** The hidden marker that finds our comment again, so each push updates it instead of adding one. */
export const COMMENT_MARKER = '<!-- serviceniveau:aendringer -->';

/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_COMMENT_CHARS = 65_536;

export interface CommentTarget {
  apiUrl: string;
  token: string;
  /** owner/name */
  repository: string;
  pullNumber: number;
}

/** What happened to the comment. */
export type CommentOutcome = { action: 'created' | 'updated'; id: number; url?: string } | { action: 'skipped'; reason: string };

const EVENT_HINT = 'Kommandoen skal køre i en GitHub Actions-kørsel udløst af en pull request.';

/** Where to comment, from the Actions environment; undefined outside a pull request. */
export function commentTargetFromEnvironment(env: NodeJS.ProcessEnv = process.env): CommentTarget | undefined {
  const eventPath = env['GITHUB_EVENT_PATH'];
  const repository = env['GITHUB_REPOSITORY'] ?? '';
  const token = env['GITHUB_TOKEN'] ?? '';
  if (!eventPath) return undefined;
  let pullNumber: unknown;
  const event = readBounded(eventPath, { display: `GITHUB_EVENT_PATH (${eventPath})`, limit: READ_LIMITS.event, hint: EVENT_HINT }).toString('utf8');
  try {
    pullNumber = (JSON.parse(event) as { pull_request?: { number?: unknown } }).pull_request?.number;
  } catch (cause) {
    throw new UsageError('GITHUB_EVENT_PATH kan ikke læses som JSON', EVENT_HINT, { cause });
  }
  if (typeof pullNumber !== 'number' || !Number.isInteger(pullNumber) || pullNumber <= 0) return undefined;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository))
    throw new UsageError(`GITHUB_REPOSITORY »${repository}« er ikke på formen ejer/navn`, 'Kommandoen skal køre i GitHub Actions.');
  if (!token) throw new UsageError('GITHUB_TOKEN mangler', 'Giv trinnet »env: GITHUB_TOKEN: ${{ github.token }}« og »permissions: pull-requests: write«.');
  const apiUrl = (env['GITHUB_API_URL'] ?? 'https://api.github.com').replace(/\/+$/, '');
  return { apiUrl, token, repository, pullNumber };
}

/** The comment body: the marker, then the text, cut to GitHub's limit with a note. */
export function commentBody(markdown: string): string {
  const note = '\n\n… Ændringsoversigten er afkortet her. Den fulde oversigt står i jobsammendraget og i HTML- og Word-dokumentet (workflow-artefakter).\n';
  const room = MAX_COMMENT_CHARS - COMMENT_MARKER.length - 1;
  if (markdown.length <= room) return `${COMMENT_MARKER}\n${markdown}`;
  const cut = markdown.lastIndexOf('\n', room - note.length);
  return `${COMMENT_MARKER}\n${markdown.slice(0, cut > 0 ? cut : room - note.length)}${note}`;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url?: string;
}

/** Creates the pull request's changelog comment, or updates the one that carries the marker. */
export async function upsertComment(target: CommentTarget, markdown: string): Promise<CommentOutcome> {
  const body = commentBody(markdown);
  const base = `${target.apiUrl}/repos/${target.repository}/issues`;
  const existing = await findMarkedComment(target, base);
  const response = existing
    ? await call(target, 'PATCH', `${base}/comments/${existing.id}`, { body })
    : await call(target, 'POST', `${base}/${target.pullNumber}/comments`, { body });
  if (response.status === 403 || response.status === 404) {
    return {
      action: 'skipped',
      reason: `GitHub afviste kommentaren (${response.status}); en pull request fra en fork har kun læseadgang. Ændringerne står i jobsammendraget.`,
    };
  }
  if (!response.ok) throw new UsageError(`GitHub svarede ${response.status} på kommentaren`, 'Prøv igen; ændringerne står i jobsammendraget.');
  const comment = (await response.json()) as IssueComment;
  return { action: existing ? 'updated' : 'created', id: comment.id, ...(comment.html_url ? { url: comment.html_url } : {}) };
}

async function findMarkedComment(target: CommentTarget, base: string): Promise<IssueComment | undefined> {
  for (let page = 1; page <= 50; page++) {
    const response = await call(target, 'GET', `${base}/${target.pullNumber}/comments?per_page=100&page=${page}`);
    if (!response.ok) return undefined;
    const comments = (await response.json()) as IssueComment[];
    const found = comments.find((comment) => comment.body?.startsWith(COMMENT_MARKER));
    if (found) return found;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

function call(target: CommentTarget, method: string, url: string, body?: unknown): Promise<Response> {
  return fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${target.token}`,
      'x-github-api-version': '2022-11-28',
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}
