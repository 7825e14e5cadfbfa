import { Injectable } from '@nestjs/common';
import {
  aggregateIndicator,
  indicatorProgress,
  indicatorSeries,
  MILESTONE_STATES,
  milestoneState,
  totalAcrossProjects,
  type IndicatorPoint,
  type TFollowUpDashboard,
  type TFollowUpProject,
  type TMilestoneState,
} from '@tahkim/contracts';
import { regionFieldKey } from '../applications/application-rules';
import { toIndicator, toMilestone } from '../programme/programme.service';
import { FollowUpRepository, type FollowUpProgrammeRow, type FollowUpReportRow } from './follow-up.repository';

type MilestoneRow = FollowUpProgrammeRow['milestones'][number];
type IndicatorRow = FollowUpProgrammeRow['indicators'][number];

/** The dashboard with what an export also needs: the call's slug for the file name. */
export interface FollowUpFigures {
  call: { id: string; slug: string };
  dashboard: TFollowUpDashboard;
}

/**
 * Where a call's supported projects stand: each winner's milestones (by the database clock) and impact
 * indicators, totals across projects and per region. Only accepted reports count towards the figures;
 * a report waiting for staff or sent back shows in the milestone states alone.
 */
@Injectable()
export class FollowUpService {
  constructor(private readonly repository: FollowUpRepository) {}

  async dashboard(callId: string): Promise<TFollowUpDashboard> {
    return (await this.figures(callId)).dashboard;
  }

  async figures(callId: string): Promise<FollowUpFigures> {
    const { call, form } = await this.repository.callForm(callId);
    const [now, programme] = await Promise.all([this.repository.now(), this.repository.programme(callId)]);
    const [winners, reports] = programme
      ? await Promise.all([this.repository.winners(callId, regionFieldKey(form)), this.repository.reports(programme.id)])
      : [[], []];
    const milestones = programme?.milestones ?? [];
    const indicators = programme?.indicators ?? [];
    const reportOf = new Map(reports.map((report) => [`${report.milestoneId}:${report.applicationId}`, report]));
    const counts = Object.fromEntries(MILESTONE_STATES.map((state) => [state, 0])) as Record<TMilestoneState, number>;

    const projects: TFollowUpProject[] = winners.map((winner) => {
      const reportsOf = milestones.map((milestone) => reportOf.get(`${milestone.id}:${winner.id}`));
      return {
        applicationId: winner.id,
        reference: winner.reference,
        title: winner.title,
        region: winner.profileRegion || winner.answerRegion || null,
        milestones: milestones.map((milestone, index) => {
          const report = reportsOf[index];
          const state = milestoneState(milestone, report?.status ?? null, now);
          if (milestone.reportDue) counts[state] += 1;
          return {
            key: milestone.key,
            state,
            status: report?.status ?? null,
            submittedAt: report?.submittedAt?.toISOString() ?? null,
            late: milestone.reportDue && (report?.submittedAt ?? now).getTime() > milestone.dueAt.getTime(),
          };
        }),
        indicators: indicators.map((indicator) => projectIndicator(indicator, milestones, reportsOf)),
      };
    });

    const totals = indicators.map((indicator, index) => {
      const total = totalAcrossProjects(projects.map((project) => project.indicators[index]!.value));
      // Targets are per project: the programme aims at the target times its projects.
      return { key: indicator.key, value: total.value, target: indicator.target === null ? null : indicator.target * projects.length, projects: total.projects };
    });

    return {
      call: { id: call.id, slug: call.slug },
      dashboard: {
        callId: call.id,
        now: now.toISOString(),
        milestones: milestones.map(toMilestone),
        indicators: indicators.map(toIndicator),
        projects,
        totals,
        regions: byRegion(projects, indicators),
        counts,
      },
    };
  }
}

/** A project's accepted values of one indicator in milestone order, its current value and its progress. */
function projectIndicator(indicator: IndicatorRow, milestones: readonly MilestoneRow[], reports: ReadonlyArray<FollowUpReportRow | undefined>) {
  const points: IndicatorPoint[] = milestones.flatMap((milestone, index) => {
    const report = reports[index];
    if (report?.status !== 'ACCEPTED') return [];
    return [{ milestoneKey: milestone.key, dueAt: milestone.dueAt.toISOString(), value: indicatorValue(report.indicatorValues, indicator.key) }];
  });
  const value = aggregateIndicator(indicator.aggregation, points);
  return {
    key: indicator.key,
    points: indicatorSeries(indicator.aggregation, points),
    value,
    target: indicator.target,
    progress: indicatorProgress(indicator.direction, value, indicator.target),
  };
}

/** A report's value for an indicator: a finite number, or null (not given, or not measured that period). */
function indicatorValue(values: unknown, key: string): number | null {
  if (values === null || typeof values !== 'object') return null;
  const value = (values as Record<string, unknown>)[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Projects per region (by code, "not given" last), with each indicator's total over them. */
function byRegion(projects: readonly TFollowUpProject[], indicators: readonly IndicatorRow[]): TFollowUpDashboard['regions'] {
  const groups = new Map<string | null, TFollowUpProject[]>();
  for (const project of projects) groups.set(project.region, [...(groups.get(project.region) ?? []), project]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
    .map(([region, members]) => ({
      region,
      projects: members.length,
      values: Object.fromEntries(indicators.map((indicator, index) => [indicator.key, totalAcrossProjects(members.map((member) => member.indicators[index]!.value)).value])),
    }));
}

