export type Lang = 'en' | 'zh';

/** The language the locale asks for: zh_* (or zh) gives Chinese, anything else English. */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh\b|^zh_/i.test(locale) ? 'zh' : 'en';
}
