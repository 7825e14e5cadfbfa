import { fieldOptions, ZTopicKey, type TCallTopic, type TFormField } from '@tahkim/contracts';
import { latinise } from './slug-from-title';

const MAX_KEY_LENGTH = 60;

/**
 * A topic's key from its label: "Agriculture & pêche" → "agriculture_peche", unique among the call's
 * other keys ("_2", "_3"... added when needed). Empty when the label has nothing to read from.
 */
export function topicKeyFromLabel(label: string, taken: ReadonlySet<string>): string {
  const base = latinise(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, MAX_KEY_LENGTH - 3)
    .replace(/_+$/, '');
  if (!base || !taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The label a derived key reads from: French first, then English, then Arabic. */
export function topicKeySource(label: TCallTopic['label']): string {
  return label.fr.trim() || label.en.trim() || label.ar.trim();
}

/**
 * Topics from a choice question's options, for those not already listed. An application gets a topic
 * when the option it chose has the topic's key as its value, so the key is the option's value as is;
 * an option whose value cannot be a key (capitals, dashes) is left out and counted in `skipped`.
 */
export function topicsFromOptions(field: Pick<TFormField, 'type' | 'options'>, existing: ReadonlySet<string>): { added: TCallTopic[]; skipped: number } {
  const added: TCallTopic[] = [];
  let skipped = 0;
  for (const option of fieldOptions(field)) {
    if (!ZTopicKey.safeParse(option.value).success) skipped += 1;
    else if (!existing.has(option.value)) added.push({ key: option.value, label: { ...option.label } });
  }
  return { added, skipped };
}
