import type { TCallTopic } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { localized } from '../call-admin/call-display';
import { useLocale } from '../locale/use-locale';
import { callTopicsQuery } from './queries';

/**
 * A call's topics and their names in the interface language. A key the call no longer defines (or
 * while the topics load) is shown as the key itself rather than hidden.
 */
export function useTopicLabels(callId: string): { topics: TCallTopic[]; label: (key: string) => string; isPending: boolean; error: Error | null } {
  const { locale } = useLocale();
  const query = useQuery(callTopicsQuery(callId));
  const topics = query.data?.topics ?? [];
  const names = new Map(topics.map((topic) => [topic.key, localized(topic.label, locale)]));
  return { topics, label: (key) => names.get(key) || key, isPending: query.isPending, error: query.error };
}
