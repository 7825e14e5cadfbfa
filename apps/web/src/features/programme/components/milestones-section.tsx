import { PROGRAMME_LIMITS } from '@tahkim/contracts';
import { newMilestone } from '../programme-form-values';
import { MilestoneCard } from './milestone-card';
import { ProgrammeListSection, type ProgrammeListConfig } from './programme-list-section';

const MILESTONES: ProgrammeListConfig<'milestones'> = {
  list: 'milestones',
  Card: MilestoneCard,
  limit: PROGRAMME_LIMITS.milestones,
  newItem: newMilestone,
  summary: { key: 'milestones.reports', count: (milestones) => milestones.filter((milestone) => milestone.reportDue).length },
};

/** The programme's milestones, in order, with how many call for a progress report. */
export function MilestonesSection() {
  return <ProgrammeListSection config={MILESTONES} />;
}
