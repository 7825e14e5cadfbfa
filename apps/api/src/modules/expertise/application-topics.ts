import type { TApplicationTopics, TCallTopic } from '@tahkim/contracts';

/** What an application's topics are read from: the answer to the call's topic question and staff's tags. */
export interface TopicSources {
  /** The answer to the topic question (a value or a list of values), if the call has one. */
  answer: unknown;
  topicTags: readonly string[];
  /** Staff tagged the application: their tags replace what the question gives. */
  tagged: boolean;
}

/**
 * An application's topics, in the order of the call's topics: staff's tags once they tagged it, else the
 * chosen options of the topic question whose value is a topic's key. Keys of topics since removed are
 * left out.
 */
export function applicationTopics(topics: readonly Pick<TCallTopic, 'key'>[], sources: TopicSources): TApplicationTopics {
  const values = new Set(Array.isArray(sources.answer) ? sources.answer.filter((v) => typeof v === 'string') : typeof sources.answer === 'string' ? [sources.answer] : []);
  const tags = new Set(sources.topicTags);
  const fromForm = topics.filter((t) => values.has(t.key)).map((t) => t.key);
  if (sources.tagged) return { topics: topics.filter((t) => tags.has(t.key)).map((t) => t.key), source: 'STAFF', fromForm };
  return { topics: fromForm, source: fromForm.length > 0 ? 'FORM' : 'NONE', fromForm };
}

/** Summary question keys, in order of preference; else the form's first long text. */
export const SUMMARY_KEYS = ['project_summary', 'summary', 'resume', 'abstract'];
