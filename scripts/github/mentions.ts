/**
 * Markdown that GitHub shows as `@user` or `@org/team` without pinging anyone: a WORD JOINER (U+2060), written as
 * the entity `&#8288;`, goes between the `@` and the name. GitHub finds mentions in the rendered text, after
 * Markdown is parsed, so a backslash (`\@`) is gone by then and pings all the same; a code span would stop the
 * ping but show the name in a code font, and inside a redline it changes what the officer wrote. The joiner is
 * invisible, does not break the line, and as an entity it stays visible in the Markdown source and the golden
 * files (no invisible character in what we write). An e-mail address (`anna@kommune.dk`) is no mention and is
 * left alone: GitHub only links an `@` that follows a non-word character or starts the text.
 */
export function escapeMentions(markdown: string): string {
  return markdown.replace(/(^|[^A-Za-z0-9_])@(?=[A-Za-z0-9])/g, '$1@&#8288;');
}
