/**
 * The words the audit trail has for what the API records: the actions it tells as sentences, the fields
 * it labels, the fields it leaves to the raw record, and where each code is worded elsewhere in the app.
 */

/**
 * The actions whose sentence the trail knows; any other action reads as a generic sentence ("X did
 * something on Y") with its details, so no entry is ever hidden or shown as raw data.
 */
export const DESCRIBED_ACTIONS = [
  'application.created',
  'application.screened',
  'application.submitted',
  'application.topics_tagged',
  'application.withdrawn',
  'assignments.auto',
  'assignments.removed_by_conflict',
  'assignments.replaced',
  'attachment.deleted',
  'attachment.uploaded',
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.password_reset',
  'auth.password_reset_requested',
  'auth.register',
  'bid.updated',
  'ballot.reopened',
  'ballot.submitted',
  'call.closed',
  'call.created',
  'call.deadlines_confirmed',
  'call.deadlines_moved',
  'call.feedback_updated',
  'call.published',
  'call.results_published',
  'call.results_unpublished',
  'call.topics_updated',
  'call.updated',
  'conflict.declared',
  'conflict.overridden',
  'conflict.recorded',
  'conflict.reviewed',
  'conflict.suggested',
  'criteria.reset',
  'criteria.updated',
  'decision.recorded',
  'decision_template.updated',
  'decisions.published',
  'form.updated',
  'invitation.accepted',
  'invitation.created',
  'juror.added',
  'juror.expertise_updated',
  'juror.removed',
  'jury.reminders_sent',
  'programme.reminders_run',
  'programme.updated',
  'progress_report.accepted',
  'progress_report.changes_requested',
  'progress_report.submitted',
  'public_profile.consent_given',
  'public_profile.consent_withdrawn',
  'public_profile.created',
  'public_profile.updated',
  'report_form.updated',
  'round.advance_undone',
  'round.advanced',
  'round.created',
  'round.deleted',
  'round.updated',
  'scorecard.reopened',
  'scorecard.removed_by_conflict',
  'scorecard.submitted',
  'user.admin_provisioned',
  'user.role_granted',
  'user.roles_changed',
] as const;
export const DESCRIBED: ReadonlySet<string> = new Set(DESCRIBED_ACTIONS);

/** Recorded fields kept for machines (hashes, internal ids, counters of the data): in the raw record only. */
export const INTERNAL_FIELDS = new Set(['sha256', 'resetId', 'advanceId', 'dataVersion', 'fieldKey', 'ballot', 'assignmentId', 'conflictId', 'viaInvitation', 'copiedFrom', 'milestoneKey']);

/** Fields with a label in `fields.*`. Anything else is labelled "other detail". */
export const LABELLED_FIELDS = [
  'added', 'alreadyIn', 'applicationId', 'applicationIds', 'applications', 'assignments', 'automatic', 'blind', 'body', 'callId', 'closesAt',
  'count', 'created', 'criteria', 'dates', 'decision', 'description', 'eligibility', 'eligibilityRules', 'eligibilitySuggestion', 'email',
  'existingAccount', 'feedbackEnabled', 'fields', 'fileName', 'formVersion', 'fromRoundId', 'hiddenFields', 'jurorId', 'jurorIds', 'jurors',
  'kept', 'maxApplicationsPerApplicant', 'maxLoad', 'mediaType', 'message', 'method', 'minLoad', 'name', 'note', 'notSelected', 'number',
  'opensAt', 'order', 'outcome', 'published', 'queued', 'reason', 'reference', 'referencePrefix', 'removed', 'removedApplications',
  'removedAssignments', 'removedSubmitted', 'reopenedScorecards', 'restoredStatuses', 'role', 'roles', 'roundCreated', 'roundId', 'rounds',
  'saved', 'scorecardsRequired', 'screenedById', 'screeningNote', 'sections', 'sent', 'shortfalls', 'size', 'slug', 'source', 'status',
  'subject', 'submittedAt', 'summary', 'title', 'toRoundId', 'toRoundNumber', 'total', 'type', 'kind', 'userId', 'values', 'version',
  'weightedScore', 'winners', 'disagreementThreshold', 'instructions', 'proposedTemplates', 'roundsClosed', 'callClosedEarly',
  'organisation', 'region', 'photoAttachmentId', 'consent', 'resultsPublishedAt', 'milestones', 'indicators',
  'milestone', 'comment', 'late', 'alreadySent',
  'topics', 'preference', 'by', 'biddingOpen', 'expertiseWeight', 'bidWeight', 'assignmentCap', 'totalAffinity', 'upperBound', 'unmatched', 'avoidedUsed',
] as const;
export const LABELLED: ReadonlySet<string> = new Set(LABELLED_FIELDS);

/** Reasons the platform records as codes (other reasons are what a person typed). */
export const REASON_CODES: Record<string, string> = { wrong_password: 'wrongPassword', unknown_account: 'unknownAccount', 'decisions.published': 'decisionsPublished' };

/** The kind of record a field's id points to, for words when the record was deleted since. */
export const ENTITY_OF_FIELD: Record<string, string> = {
  callId: 'Call',
  roundId: 'Round',
  fromRoundId: 'Round',
  toRoundId: 'Round',
  applicationId: 'Application',
  applicationIds: 'Application',
  order: 'Application',
  userId: 'User',
  screenedById: 'User',
  jurorId: 'Juror',
  jurorIds: 'Juror',
  roundsClosed: 'Round',
  assignments: 'Assignment',
  assignmentId: 'Assignment',
  conflictId: 'ConflictOfInterest',
  photoAttachmentId: 'Attachment',
};

/** Where each kind of record's statuses are worded elsewhere in the app (one word per status everywhere). */
export const STATUS_TEXTS: Record<string, string> = {
  Application: 'applications:status',
  Call: 'callAdmin:status',
  Round: 'rounds:status',
  Scorecard: 'jury:status',
  Ballot: 'ballot:status',
  ConflictOfInterest: 'rounds:conflicts.statuses',
};
