import { Injectable } from '@nestjs/common';
import { regionName, type TLocale, type TLocalizedText, type TRankingFlag, type TRankingQueryMethod } from '@tahkim/contracts';
import { ELIGIBILITY_NAMES, STATUS_NAMES, tableToCsv, tableToXlsx, type ExportFile, type ExportTable } from '../../common/export/table-export';
import { ResultsService } from './results.service';

const COLUMNS = {
  rankByMean: { ar: 'الرتبة (حسب المتوسط)', fr: 'Rang (moyenne)', en: 'Rank (mean)' },
  rankByNormalised: { ar: 'الرتبة (بعد التسوية)', fr: 'Rang (normalisé)', en: 'Rank (normalised)' },
  rankingScoreMean: { ar: 'النقطة التي يُرتَّب بها: المتوسط (0-100)', fr: 'Score qui classe : note moyenne (0-100)', en: 'Ranking score: mean (0-100)' },
  rankingScoreNormalised: { ar: 'النقطة التي يُرتَّب بها: المعيارية (z)', fr: 'Score qui classe : normalisé (z)', en: 'Ranking score: normalised (z)' },
  reference: { ar: 'المرجع', fr: 'Référence', en: 'Reference' },
  title: { ar: 'المشروع', fr: 'Projet', en: 'Project' },
  status: { ar: 'الحالة', fr: 'Statut', en: 'Status' },
  region: { ar: 'الجهة', fr: 'Région', en: 'Region' },
  eligibility: { ar: 'الأهلية المقترحة', fr: 'Éligibilité suggérée', en: 'Suggested eligibility' },
  meanScore: { ar: 'متوسط النقطة (0-100)', fr: 'Note moyenne (0-100)', en: 'Mean score (0-100)' },
  standardError: { ar: 'الخطأ المعياري', fr: 'Erreur type', en: 'Standard error' },
  normalisedScore: { ar: 'النقطة المعيارية (z)', fr: 'Score normalisé (z)', en: 'Normalised score (z)' },
  meanRank: { ar: 'الرتبة حسب المتوسط', fr: 'Rang (moyenne)', en: 'Rank (mean)' },
  normalisedRank: { ar: 'الرتبة بعد التسوية', fr: 'Rang (normalisé)', en: 'Rank (normalised)' },
  rankDifference: { ar: 'فرق الرتبة (المتوسط - التسوية)', fr: 'Écart de rang (moyenne − normalisé)', en: 'Rank difference (mean − normalised)' },
  spread: { ar: 'تشتت النقط', fr: 'Dispersion des notes', en: 'Score spread' },
  submitted: { ar: 'بطاقات التقييم المرسلة', fr: "Grilles d'évaluation envoyées", en: 'Scorecards submitted' },
  required: { ar: 'البطاقات المطلوبة', fr: 'Grilles requises', en: 'Scorecards required' },
  flags: { ar: 'تنبيهات', fr: 'Signalements', en: 'Flags' },
  advanced: { ar: 'ضمن جولة لاحقة', fr: 'Dans un tour suivant', en: 'In a later round' },
  confidence: { ar: 'احتمال الوجود ضمن أول {k} (%)', fr: 'Chance d’être dans les {k} premiers (%)', en: 'Chance of being in the top {k} (%)' },
} satisfies Record<string, TLocalizedText>;

const FLAG_NAMES: Record<TRankingFlag, TLocalizedText> = {
  INCOMPLETE: { ar: 'غير مكتمل', fr: 'Incomplet', en: 'Incomplete' },
  DISAGREEMENT: { ar: 'اختلاف بين المحكّمين', fr: 'Désaccord', en: 'Disagreement' },
};

const YES: TLocalizedText = { ar: 'نعم', fr: 'Oui', en: 'Yes' };
const SHEET: TLocalizedText = { ar: 'الترتيب', fr: 'Classement', en: 'Ranking' };

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
const percentOf = (probability: number | null) => round(probability === null ? null : probability * 100, 1);

/** The ranking as a file: every column of the staff page, in the caller's language. */
@Injectable()
export class RankingExportService {
  constructor(private readonly results: ResultsService) {}

  async table(roundId: string, method: TRankingQueryMethod | undefined, locale: TLocale, size?: number): Promise<ExportTable> {
    const ranking = await this.results.ranking(roundId, method);
    const confidence =
      size === undefined ? null : new Map((await this.results.shortlistConfidence(roundId, { method: ranking.method, size })).items.map((item) => [item.applicationId, item.probability]));
    const byMean = ranking.method === 'mean';
    // The rank, then the score of the method that gives it; both methods' figures follow.
    const headers = [
      COLUMNS[byMean ? 'rankByMean' : 'rankByNormalised'][locale],
      COLUMNS[byMean ? 'rankingScoreMean' : 'rankingScoreNormalised'][locale],
      ...(['reference', 'title', 'status', 'region', 'eligibility', 'meanScore', 'standardError', 'normalisedScore', 'meanRank', 'normalisedRank', 'rankDifference', 'spread', 'submitted', 'required', 'flags'] as const).map(
        (key) => COLUMNS[key][locale],
      ),
      ...(confidence ? [COLUMNS.confidence[locale].replace('{k}', String(size))] : []),
      ...ranking.criteria.map((criterion) => `${criterion.label[locale] || criterion.label.fr} (${criterion.scaleMin}-${criterion.scaleMax})`),
      COLUMNS.advanced[locale],
    ];
    const rows = ranking.items.map((item) => [
      item.rank,
      byMean ? round(item.meanScore, 2) : round(item.normalisedScore, 3),
      item.reference,
      item.title,
      STATUS_NAMES[item.status][locale],
      item.region ? regionName(item.region, locale) ?? item.region : null,
      item.eligibilitySuggestion ? ELIGIBILITY_NAMES[item.eligibilitySuggestion][locale] : null,
      round(item.meanScore, 2),
      round(item.standardError, 2),
      round(item.normalisedScore, 3),
      item.meanRank,
      item.normalisedRank,
      item.rankDifference,
      round(item.spread, 2),
      item.submitted,
      item.required,
      item.flags.map((flag) => FLAG_NAMES[flag][locale]).join('; ') || null,
      ...(confidence ? [percentOf(confidence.get(item.applicationId) ?? null)] : []),
      ...item.criterionMeans.map((value) => round(value, 2)),
      item.advanced ? YES[locale] : null,
    ]);
    return { headers, rows, fileBase: `ranking-round-${ranking.round.number}-${ranking.method}`, sheetName: SHEET[locale], rightToLeft: locale === 'ar', narrowColumns: 16 };
  }

  async csv(roundId: string, method: TRankingQueryMethod | undefined, locale: TLocale, size?: number): Promise<ExportFile> {
    return tableToCsv(await this.table(roundId, method, locale, size));
  }

  async xlsx(roundId: string, method: TRankingQueryMethod | undefined, locale: TLocale, size?: number): Promise<ExportFile> {
    return tableToXlsx(await this.table(roundId, method, locale, size));
  }
}
