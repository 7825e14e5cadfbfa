import { isAnnounceable, isStaff } from '@tahkim/contracts';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../auth/auth.types';
import type { MilestoneRow, ProgrammeRow, ProjectRow } from './reports.repository';

/** A winner of a decided call whose programme staff have set up: it reports on the programme's milestones. */
export type FollowedProject = ProjectRow & { call: ProjectRow['call'] & { programme: ProgrammeRow } };

/** A winner of a call whose decisions were published (announced, then followed). */
function isAnnouncedWinner(project: ProjectRow): boolean {
  return project.status === 'WINNER' && isAnnounceable(project.call.status);
}

export function isFollowed(project: ProjectRow): project is FollowedProject {
  const programme = project.call.programme;
  // A programme row holding only a report form (version 0) has no milestones yet: nothing to report on.
  return isAnnouncedWinner(project) && programme !== null && programme.version > 0;
}

/**
 * The owner or staff reading a winner's list of reports: a winner whose call has no programme yet has an
 * empty list (its page asks for it as soon as the decision is published), any other application 404.
 */
export function assertCanListReports(user: AuthenticatedUser | undefined, project: ProjectRow | undefined): asserts project is ProjectRow {
  if (!project || !user || (project.ownerId !== user.id && !isStaff(user.roles))) throw new AppError('NOT_FOUND');
  if (!isAnnouncedWinner(project)) throw new AppError('NOT_FOUND');
}

/**
 * Who may see a project's reports: its owner and staff, once it is a followed winner. Anyone else (another
 * applicant, a juror, a visitor) learns nothing, not even that the application exists: 404, as for a project
 * that is not followed.
 */
export function assertCanReadReports(user: AuthenticatedUser | undefined, project: ProjectRow | undefined): asserts project is FollowedProject {
  if (!project || !user || (project.ownerId !== user.id && !isStaff(user.roles))) throw new AppError('NOT_FOUND');
  if (!isFollowed(project)) throw new AppError('NOT_FOUND');
}

/** Only the project writes its reports: staff, who read them, are told 403; anyone else 404. */
export function assertReportOwner(user: AuthenticatedUser | undefined, project: ProjectRow | undefined): asserts project is FollowedProject {
  assertCanReadReports(user, project);
  if (project.ownerId !== user!.id) throw new AppError('FORBIDDEN');
}

/** Staff review the reports of followed projects only (the route admits staff alone). */
export function assertReviewable(project: ProjectRow | undefined): asserts project is FollowedProject {
  if (!project || !isFollowed(project)) throw new AppError('NOT_FOUND');
}

/** A milestone of the project's programme that asks for a report; 404 otherwise. */
export function reportMilestone(project: FollowedProject, milestoneKey: string): MilestoneRow {
  const milestone = project.call.programme.milestones.find((candidate) => candidate.key === milestoneKey);
  if (!milestone?.reportDue) throw new AppError('NOT_FOUND');
  return milestone;
}
