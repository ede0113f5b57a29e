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
  user?: { login?: unknown; type?: unknown } | null;
}

/**
 * The identity the workflow's GITHUB_TOKEN comments as. Only its own marked comment is updated: anyone can paste
 * the marker into a comment, and editing theirs (or failing on it) would hide the real changelog.
 * SERVICENIVEAU_COMMENT_AUTHOR names another bot, for a kommune that comments with a GitHub App's token.
 */
export const DEFAULT_COMMENT_AUTHOR = 'github-actions[bot]';

function commentAuthor(): string {
  return process.env['SERVICENIVEAU_COMMENT_AUTHOR']?.trim() || DEFAULT_COMMENT_AUTHOR;
}

function isOurs(comment: Partial<IssueComment> | null | undefined, author: string): comment is IssueComment {
  return (
    typeof comment?.id === 'number' &&
    typeof comment.body === 'string' &&
    comment.body.startsWith(COMMENT_MARKER) &&
    comment.user?.login === author &&
    comment.user.type === 'Bot'
  );
}

/** Every request to GitHub gives up after this long; SERVICENIVEAU_HTTP_TIMEOUT_MS overrides it (tests). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** How long to wait before each retry of a failed listing: GitHub's 5xx are usually over within seconds. */
const RETRY_DELAYS_MS = [1_000, 3_000];

/** Creates the pull request's changelog comment, or updates the one the workflow wrote earlier (marker and author). */
export async function upsertComment(target: CommentTarget, markdown: string): Promise<CommentOutcome> {
  const body = commentBody(markdown);
  const base = `${target.apiUrl}/repos/${target.repository}/issues`;
  const listed = await findMarkedComment(target, base);
  if (listed.refused !== undefined) return refused(listed.refused);
  const existing = listed.comment;
  const response = existing
    ? await call(target, 'PATCH', `${base}/comments/${existing.id}`, { body })
    : await call(target, 'POST', `${base}/${target.pullNumber}/comments`, { body });
  if (response.status === 403 || response.status === 404) return refused(response.status);
  if (!response.ok) throw new UsageError(`GitHub svarede ${response.status} på kommentaren`, 'Prøv igen; ændringerne står i jobsammendraget.');
  const comment = jsonOf(response, 'kommentaren') as Partial<IssueComment> | null;
  if (typeof comment?.id !== 'number') throw unexpectedReply(response, 'kommentaren');
  return { action: existing ? 'updated' : 'created', id: comment.id, ...(typeof comment.html_url === 'string' ? { url: comment.html_url } : {}) };
}

function refused(status: number): CommentOutcome {
  return {
    action: 'skipped',
    reason: `GitHub afviste kommentaren (${status}); en pull request fra en fork har kun læseadgang. Ændringerne står i jobsammendraget.`,
  };
}

/**
 * The workflow's own comment that carries the marker, if any. A listing that fails is never taken for »no comment«: that
 * would post a second one. A 5xx or a dropped connection is retried; if it still fails, the step fails.
 */
async function findMarkedComment(target: CommentTarget, base: string): Promise<{ comment?: IssueComment; refused?: number }> {
  const author = commentAuthor();
  for (let page = 1; page <= 50; page++) {
    const response = await callWithRetries(target, `${base}/${target.pullNumber}/comments?per_page=100&page=${page}`);
    if (response.status === 403 || response.status === 404) return { refused: response.status };
    if (response.status === 401)
      throw new UsageError(
        'GitHub afviste GITHUB_TOKEN (401); kommentaren er ikke skrevet',
        'Giv trinnet »env: GITHUB_TOKEN: ${{ github.token }}« og »permissions: pull-requests: write«.',
      );
    if (!response.ok)
      throw new UsageError(
        `GitHub svarede ${response.status} på listen over kommentarer${response.status >= 500 ? `, også efter ${RETRY_DELAYS_MS.length} nye forsøg` : ''}; kommentaren er ikke skrevet`,
        'Der er ikke skrevet en ny kommentar, så der kommer ingen dublet. Kør jobbet igen senere; ændringerne står i jobsammendraget.',
      );
    const comments = jsonOf(response, 'listen over kommentarer');
    if (!Array.isArray(comments)) throw unexpectedReply(response, 'listen over kommentarer');
    const found = (comments as (Partial<IssueComment> | null)[]).find((comment): comment is IssueComment => isOurs(comment, author));
    if (found) return { comment: found };
    if (comments.length < 100) return {};
  }
  return {};
}

/** A GET, tried again after a 5xx or a dropped connection (not after a timeout: a server that is silent for 30 s stays silent). */
async function callWithRetries(target: CommentTarget, url: string): Promise<Reply> {
  for (let attempt = 0; ; attempt++) {
    const delay = RETRY_DELAYS_MS[attempt];
    let reply: Reply;
    try {
      reply = await call(target, 'GET', url);
    } catch (error) {
      if (delay === undefined || !(error instanceof UsageError) || error.cause === 'timeout') throw error;
      await sleep(delay);
      continue;
    }
    if (reply.status < 500 || delay === undefined) return reply;
    await sleep(delay);
  }
}

interface Reply {
  status: number;
  ok: boolean;
  contentType: string;
  text: string;
}

/** One request, with a timeout over the whole exchange (headers and body); network trouble is a Danish usage error. */
async function call(target: CommentTarget, method: string, url: string, body?: unknown): Promise<Reply> {
  const timeout = timeoutMs();
  const what = `${method} ${new URL(url).pathname}`;
  try {
    const response = await fetch(url, {
      method,
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${target.token}`,
        'x-github-api-version': '2022-11-28',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(timeout),
    });
    return { status: response.status, ok: response.ok, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
  } catch (error) {
    if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
      throw new UsageError(
        `GitHub svarede ikke inden for ${formatSeconds(timeout)} (${what}); kommentaren er ikke skrevet`,
        'GitHubs API er måske nede eller langsom. Kør jobbet igen senere; ændringerne står i jobsammendraget.',
        { cause: 'timeout' },
      );
    const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
    throw new UsageError(
      `Kunne ikke nå GitHub på ${target.apiUrl} (${what}): ${reason}`,
      'Tjek GITHUB_API_URL og netværket; ændringerne står i jobsammendraget.',
      { cause: error },
    );
  }
}

/** The reply as JSON, or a Danish usage error that says what came back instead. */
function jsonOf(reply: Reply, what: string): unknown {
  try {
    return JSON.parse(reply.text) as unknown;
  } catch {
    throw unexpectedReply(reply, what);
  }
}

function unexpectedReply(reply: Reply, what: string): UsageError {
  const start = reply.text.slice(0, 60).replace(/\s+/g, ' ').trim();
  return new UsageError(
    `GitHub svarede ikke med den ventede JSON på ${what} (status ${reply.status}, ${reply.contentType || 'ingen content-type'}${start ? `, »${start}«` : ''})`,
    'Tjek GITHUB_API_URL (den skal pege på GitHubs REST API, fx https://api.github.com); ændringerne står i jobsammendraget.',
  );
}

function timeoutMs(): number {
  const value = Number(process.env['SERVICENIVEAU_HTTP_TIMEOUT_MS']);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_TIMEOUT_MS;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toLocaleString('da-DK')} s`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
