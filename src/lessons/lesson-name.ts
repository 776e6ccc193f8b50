// How a screen names a lesson in words, never by its id (which the learner never sees).
import type { Lesson, Text } from './types.js';

/** A lesson's name: its title up to the dash ("a race", "server and client"), its short
 *  title where it has no dash (overview: "System V IPC"). */
export function lessonName(lesson: Lesson): Text {
  const head = (lang: 'en' | 'zh', dash: string) => {
    const title = lesson.title[lang];
    return title.includes(dash) ? title.split(dash)[0].trim() : (lesson.short?.[lang] ?? title);
  };
  return { en: head('en', ' — '), zh: head('zh', '——') };
}
