import type admin from '../locales/fr/admin.json';
import type applications from '../locales/fr/applications.json';
import type audit from '../locales/fr/audit.json';
import type callAdmin from '../locales/fr/callAdmin.json';
import type callHome from '../locales/fr/callHome.json';
import type calls from '../locales/fr/calls.json';
import type auth from '../locales/fr/auth.json';
import type ballot from '../locales/fr/ballot.json';
import type common from '../locales/fr/common.json';
import type decisions from '../locales/fr/decisions.json';
import type jury from '../locales/fr/jury.json';
import type portal from '../locales/fr/portal.json';
import type programme from '../locales/fr/programme.json';
import type followUp from '../locales/fr/followUp.json';
import type publicSite from '../locales/fr/public.json';
import type reports from '../locales/fr/reports.json';
import type results from '../locales/fr/results.json';
import type rounds from '../locales/fr/rounds.json';
import type screening from '../locales/fr/screening.json';
import type validation from '../locales/fr/validation.json';

/** The French files are the reference for the keys' types; the parity test keeps ar and en in step. */
export interface Resources {
  common: typeof common;
  validation: typeof validation;
  auth: typeof auth;
  public: typeof publicSite;
  portal: typeof portal;
  jury: typeof jury;
  admin: typeof admin;
  /** Public call pages. */
  calls: typeof calls;
  /** The applicant's application form, review and submission. */
  applications: typeof applications;
  /** Staff: call editor and form builder. */
  callAdmin: typeof callAdmin;
  /** Staff: a call's home (phase, figures, next step, tools). */
  callHome: typeof callHome;
  /** Staff: incoming applications and screening. */
  screening: typeof screening;
  /** Staff: evaluation rounds, criteria, jurors, assignment and progress. */
  rounds: typeof rounds;
  /** Staff: a round's ranking, jury severity and reliability, shortlists. */
  results: typeof results;
  /** Staff: the audit trail. */
  audit: typeof audit;
  /** The final ballot: the juror's ranking and staff's result. */
  ballot: typeof ballot;
  /** Staff: a call's decisions, their email templates and publication; the applicant's outcome. */
  decisions: typeof decisions;
  /** Staff: a call's support programme (milestones, impact indicators). */
  programme: typeof programme;
  /** Staff: a call's follow-up (projects' progress reports, impact indicators, report form). */
  followUp: typeof followUp;
  /** A supported project's progress reports: the milestones' card and the report page. */
  reports: typeof reports;
}
export type Namespace = keyof Resources;

export const NAMESPACES = ['common', 'validation', 'auth', 'public', 'portal', 'jury', 'admin', 'calls', 'applications', 'callAdmin', 'callHome', 'screening', 'rounds', 'results', 'audit', 'ballot', 'decisions', 'programme', 'followUp', 'reports'] as const satisfies readonly Namespace[];

/** The namespaces every page needs before its first paint: the layout's, and the forms' messages. */
export const CORE_NAMESPACES = ['common', 'calls', 'validation'] as const satisfies readonly Namespace[];
