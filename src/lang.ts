export type Lang = 'en' | 'zh';

/** Every language of the texts, in the order they are declared. */
export const LANGS: readonly Lang[] = ['en', 'zh'];

/** The language the locale asks for: zh_* (or zh) gives Chinese, anything else English. */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh\b|^zh_/i.test(locale) ? 'zh' : 'en';
}

/** Whether the locale's character set is UTF-8, as the C library decides it: LC_ALL,
 *  then LC_CTYPE, then LANG; none set is the C locale. Without UTF-8, ipclab draws
 *  with ASCII, as --ascii asks. */
export function utf8Locale(env: NodeJS.ProcessEnv): boolean {
  const locale = env.LC_ALL || env.LC_CTYPE || env.LANG || 'C';
  return /(^|\.)utf-?8(@|$)/i.test(locale);
}
