import type { TCallTopic } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { topicLabeller } from '../call-admin/call-display';
import { callTopicsQuery } from '../call-admin/queries';
import { useLocale } from '../locale/use-locale';

/**
 * A call's topics and their names in the interface language. A key the call no longer defines (or
 * while the topics load) is shown as the key itself rather than hidden.
 */
export function useTopicLabels(callId: string): { topics: TCallTopic[]; label: (key: string) => string; isPending: boolean; error: Error | null } {
  const { locale } = useLocale();
  const query = useQuery(callTopicsQuery(callId));
  const topics = query.data?.topics ?? [];
  return { topics, label: topicLabeller(topics, locale), isPending: query.isPending, error: query.error };
}
