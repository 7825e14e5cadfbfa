import { Injectable } from '@nestjs/common';
import { regionName, textIn, type TLocale, type TLocalizedText } from '@tahkim/contracts';
import { tableToCsv, tableToXlsx, type Cell, type ExportFile, type ExportTable } from '../../common/export/table-export';
import { FollowUpService } from './follow-up.service';

const COLUMNS = {
  reference: { ar: 'المرجع', fr: 'Référence', en: 'Reference' },
  project: { ar: 'المشروع', fr: 'Projet', en: 'Project' },
  region: { ar: 'الجهة', fr: 'Région', en: 'Region' },
  indicator: { ar: 'المؤشر', fr: 'Indicateur', en: 'Indicator' },
  unit: { ar: 'الوحدة', fr: 'Unité', en: 'Unit' },
  value: { ar: 'القيمة الحالية', fr: 'Valeur actuelle', en: 'Current value' },
  target: { ar: 'الهدف', fr: 'Cible', en: 'Target' },
  progress: { ar: 'نسبة التقدم (%)', fr: 'Avancement (%)', en: 'Progress (%)' },
} satisfies Record<string, TLocalizedText>;

const SHEET: TLocalizedText = { ar: 'المتابعة', fr: 'Suivi', en: 'Follow-up' };

/**
 * The follow-up dashboard as a file: one row per project and indicator, its accepted value at each
 * milestone with a report, its current value, target and progress; titles in the caller's language.
 */
@Injectable()
export class FollowUpExportService {
  constructor(private readonly followUp: FollowUpService) {}

  async table(callId: string, locale: TLocale): Promise<ExportTable> {
    const { call, dashboard } = await this.followUp.figures(callId);
    const pointed = new Set(dashboard.projects.flatMap((project) => project.indicators.flatMap((indicator) => indicator.points.map((point) => point.milestoneKey))));
    const milestones = dashboard.milestones.filter((milestone) => milestone.reportDue || pointed.has(milestone.key));
    const headers = [
      ...(['reference', 'project', 'region', 'indicator', 'unit'] as const).map((key) => COLUMNS[key][locale]),
      ...milestones.map((milestone) => textIn(milestone.title, locale)),
      ...(['value', 'target', 'progress'] as const).map((key) => COLUMNS[key][locale]),
    ];
    const rows: Cell[][] = dashboard.projects.flatMap((project) =>
      dashboard.indicators.map((indicator, index) => {
        const figures = project.indicators[index]!;
        const accepted = new Map(figures.points.map((point) => [point.milestoneKey, point.value]));
        return [
          project.reference,
          project.title,
          project.region ? (regionName(project.region, locale) ?? project.region) : null,
          textIn(indicator.label, locale),
          textIn(indicator.unit, locale) || null,
          ...milestones.map((milestone) => accepted.get(milestone.key) ?? null),
          figures.value,
          figures.target,
          figures.progress === null ? null : Number((figures.progress * 100).toFixed(1)),
        ];
      }),
    );
    return { headers, rows, fileBase: `follow-up-${call.slug}`, sheetName: SHEET[locale], rightToLeft: locale === 'ar', narrowColumns: 3 };
  }

  async csv(callId: string, locale: TLocale): Promise<ExportFile> {
    return tableToCsv(await this.table(callId, locale));
  }

  async xlsx(callId: string, locale: TLocale): Promise<ExportFile> {
    return tableToXlsx(await this.table(callId, locale));
  }
}
