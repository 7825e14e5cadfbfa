import type { TMilestoneState, TReportStatus } from '@tahkim/contracts';

/** What a project does with a milestone's report now: write it, continue the draft, amend it as asked, or read it once sent. */
export type ReportAction = 'write' | 'continue' | 'amend' | 'read';

export function reportAction(status: TReportStatus | null): ReportAction {
  switch (status) {
    case null:
      return 'write';
    case 'DRAFT':
      return 'continue';
    case 'CHANGES_REQUESTED':
      return 'amend';
    case 'SUBMITTED':
    case 'ACCEPTED':
      return 'read';
  }
}

/** States that ask the project to act now (the card counts them). */
export function needsAction(state: TMilestoneState, reportDue: boolean): boolean {
  return reportDue && (state === 'DUE' || state === 'LATE' || state === 'CHANGES_REQUESTED');
}

/** The report page of a milestone, in the applicant's area. */
export const reportPagePath = (applicationId: string, milestoneKey: string) =>
  `/portal/applications/${encodeURIComponent(applicationId)}/reports/${encodeURIComponent(milestoneKey)}`;
