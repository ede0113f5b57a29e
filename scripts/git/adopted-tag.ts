/** An adopted version is a tag `vedtaget/YYYY-MM-DD`: the date of the political decision (SPEC "Revision rounds"). */
export const ADOPTED_TAG_PREFIX = 'vedtaget/';
