import {
  milestoneState,
  type TApplicationReports,
  type TIndicatorValues,
  type TProgressReport,
  type TReportForm,
  type TReportStatus,
} from '@tahkim/contracts';
import { answersWithFiles, toAttachment } from '../applications/application-view';
import type { AuthenticatedUser } from '../auth/auth.types';
import { toIndicator, toMilestone } from '../programme/programme.service';
import type { FollowedProject } from './reports.access';
import type { MilestoneRow, ReportRow, ReportStanding, ReportStep } from './reports.repository';
import { isEditable, type ReportForm } from './report-rules';

/** Submitted after its due date; or, never submitted, its due date passed (both by the database's clock). */
export function isLate(dueAt: Date, submittedAt: Date | null, now: Date): boolean {
  return submittedAt ? submittedAt.getTime() > dueAt.getTime() : now.getTime() > dueAt.getTime();
}

export function toReportForm(callId: string, form: Pick<ReportForm, 'version' | 'definition'>, locked: boolean): TReportForm {
  return { callId, version: form.version, locked, definition: form.definition };
}

/** A project's milestones in programme order, each with where it stands at `now`. */
export function toApplicationReports(project: FollowedProject, standings: readonly ReportStanding[], now: Date): TApplicationReports {
  const byMilestone = new Map(standings.map((standing) => [standing.milestoneId, standing]));
  const programme = project.call.programme;
  return {
    applicationId: project.id,
    callId: project.callId,
    now: now.toISOString(),
    milestones: programme.milestones.map((milestone) => {
      const standing = milestone.reportDue ? byMilestone.get(milestone.id) : undefined;
      const status = standing?.status ?? null;
      return {
        milestone: toMilestone(milestone),
        state: milestoneState(milestone, status, now),
        status,
        submittedAt: standing?.submittedAt?.toISOString() ?? null,
        late: milestone.reportDue && isLate(milestone.dueAt, standing?.submittedAt ?? null, now),
        reviewComment: standing?.reviewComment ?? null,
      };
    }),
    indicators: programme.indicators.map(toIndicator),
  };
}

const STEP_OF_ACTION: Record<string, TProgressReport['history'][number]['action']> = {
  'progress_report.submitted': 'submitted',
  'progress_report.changes_requested': 'changes_requested',
  'progress_report.accepted': 'accepted',
};

export interface ReportFacts {
  project: FollowedProject;
  milestone: MilestoneRow;
  /** Undefined while nothing was written for the milestone. */
  report: ReportRow | undefined;
  form: ReportForm;
  formLocked: boolean;
  now: Date;
  steps: readonly ReportStep[];
  viewer: AuthenticatedUser | undefined;
}

/** One project's report for one milestone, as its owner (who may change it while editable) and staff read it. */
export function toProgressReport(facts: ReportFacts): TProgressReport {
  const { project, milestone, report, now } = facts;
  const status: TReportStatus = report?.status ?? 'DRAFT';
  const attachments = report?.attachments ?? [];
  return {
    applicationId: project.id,
    reference: project.reference,
    title: project.title,
    callId: project.callId,
    milestone: toMilestone(milestone),
    state: milestoneState(milestone, report?.status ?? null, now),
    status,
    version: report?.version ?? 0,
    answers: answersWithFiles(report?.answers ?? {}, attachments),
    indicatorValues: (report?.indicatorValues ?? {}) as TIndicatorValues,
    attachments: attachments.map(toAttachment),
    formVersion: report?.formVersion ?? null,
    submittedAt: report?.submittedAt?.toISOString() ?? null,
    late: isLate(milestone.dueAt, report?.submittedAt ?? null, now),
    reviewComment: report?.reviewComment ?? null,
    reviewedAt: report?.reviewedAt?.toISOString() ?? null,
    editable: facts.viewer?.id === project.ownerId && isEditable(status),
    form: toReportForm(project.callId, facts.form, facts.formLocked),
    indicators: project.call.programme.indicators.map(toIndicator),
    history: facts.steps.flatMap((step) => {
      const action = STEP_OF_ACTION[step.action];
      if (!action) return [];
      const comment = (step.after as { comment?: unknown } | null)?.comment;
      return [{ action, at: step.at.toISOString(), comment: typeof comment === 'string' && comment !== '' ? comment : null }];
    }),
  };
}
