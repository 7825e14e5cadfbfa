import {
  LOCALES,
  PROGRAMME_LIMITS,
  ZFieldKey,
  ZProgrammeIndicatorInput,
  ZProgrammeMilestoneInput,
  type TLocalizedText,
  type TProgramme,
} from '@tahkim/contracts';
import { z } from 'zod';
import { i18n } from '../../app/i18n';
import { isLocalDateTime } from '../call-admin/casablanca-time';
import { keyFromLabel } from '../call-admin/form-builder/builder-state';
import { slugSourceTitle } from '../call-admin/slug-from-title';
import type { ProgrammeBody } from './programme-api';

/**
 * An item's key: empty until the item's first save, which makes it from the title; then the one the
 * server keeps, never changed, since progress reports and reminders refer to it.
 */
const ZItemKey = z.union([z.literal(''), ZFieldKey]);

/** A due date as typed in Casablanca time ("YYYY-MM-DDTHH:mm"); sent as typed, the API converts it. */
const ZDueAt = z.string().refine(isLocalDateTime, { error: () => i18n.t('callAdmin:editor.errors.dateTime') });

const ZTexts = ZProgrammeMilestoneInput.shape.description.unwrap();

/**
 * The programme editor's values: the request's milestones and indicators (same names, so the API's
 * validation issues land on the right inputs), with the due dates in Casablanca wall-clock time and a
 * description always there to type in. The version is not typed: the page keeps the one it read.
 */
export const ZProgrammeFormValues = z.object({
  milestones: z
    .array(ZProgrammeMilestoneInput.extend({ key: ZItemKey, description: ZTexts, dueAt: ZDueAt, reportDue: z.boolean() }))
    .max(PROGRAMME_LIMITS.milestones),
  indicators: z.array(ZProgrammeIndicatorInput.extend({ key: ZItemKey })).max(PROGRAMME_LIMITS.indicators),
});
export type ProgrammeFormValues = z.input<typeof ZProgrammeFormValues>;
export type ProgrammeFormOutput = z.output<typeof ZProgrammeFormValues>;
export type MilestoneValues = ProgrammeFormValues['milestones'][number];
export type IndicatorValues = ProgrammeFormValues['indicators'][number];

const emptyText = (): TLocalizedText => ({ ar: '', fr: '', en: '' });

export function newMilestone(): MilestoneValues {
  return { key: '', title: emptyText(), description: emptyText(), dueAt: '', reportDue: true };
}

/** Most indicators a foundation follows grow with success and add up over the reports (people trained, jobs created). */
export function newIndicator(): IndicatorValues {
  return { key: '', label: emptyText(), unit: emptyText(), target: null, direction: 'HIGHER_IS_BETTER', aggregation: 'SUM' };
}

export function programmeToFormValues(programme: TProgramme): ProgrammeFormValues {
  return {
    milestones: programme.milestones.map((milestone) => ({
      key: milestone.key,
      title: { ...milestone.title },
      description: milestone.description ? { ...milestone.description } : emptyText(),
      // The wall-clock time the server computed, not the browser's reading of the instant.
      dueAt: milestone.dueAtLocal.dateTime,
      reportDue: milestone.reportDue,
    })),
    indicators: programme.indicators.map((indicator) => ({
      key: indicator.key,
      label: { ...indicator.label },
      unit: { ...indicator.unit },
      target: indicator.target,
      direction: indicator.direction,
      aggregation: indicator.aggregation,
    })),
  };
}

/** The keys the saved programme uses: a new item never takes one, even that of an item removed in this edit. */
export function savedKeys(programme: TProgramme): Set<string> {
  return new Set([...programme.milestones, ...programme.indicators].map((item) => item.key));
}

/**
 * Gives each new item its key, once: from its title (French first, then English, then Arabic),
 * "formation_de_la_premiere_cohorte", else from its place, "milestone_3"; unique among the programme's keys.
 */
function withKeys<T extends { key: string }>(items: readonly T[], text: (item: T) => TLocalizedText, fallback: string, reserved: ReadonlySet<string>): T[] {
  const taken = new Set([...reserved, ...items.map((item) => item.key).filter(Boolean)]);
  return items.map((item, index) => {
    if (item.key) return item;
    const key = keyFromLabel(slugSourceTitle(text(item)), taken, `${fallback}_${index + 1}`);
    taken.add(key);
    return { ...item, key };
  });
}

const isBlank = (text: TLocalizedText) => LOCALES.every((locale) => text[locale].trim() === '');

/** The PUT body: the whole programme in its order, with the version read, the due dates as typed. */
export function toProgrammeRequest(values: ProgrammeFormOutput, version: number, reserved: ReadonlySet<string>): ProgrammeBody {
  return {
    version,
    milestones: withKeys(values.milestones, (milestone) => milestone.title, 'milestone', reserved).map(({ description, ...milestone }) =>
      isBlank(description) ? milestone : { ...milestone, description },
    ),
    indicators: withKeys(values.indicators, (indicator) => indicator.label, 'indicator', reserved),
  };
}
