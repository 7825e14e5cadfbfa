import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import type { FormStep } from '../answers';
import { CheckIcon } from './small-icons';

interface StepProgressProps {
  steps: FormStep[];
  /** Index of the current step; `steps.length` is the review step. */
  current: number;
  missing: number[];
  onSelect: (index: number) => void;
}

/** Where the person is, and how many required answers each step still misses. Every step is reachable. */
export function StepProgress({ steps, current, missing, onSelect }: StepProgressProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const total = steps.length + 1;
  const title = current < steps.length ? localized(steps[current]!.section.title, locale) : t('review.title');
  const items = [
    ...steps.map((step, index) => ({ index, title: localized(step.section.title, locale), missing: missing[index] ?? 0 })),
    { index: steps.length, title: t('review.title'), missing: 0 },
  ];

  return (
    <div className="stack gap-xs">
      <p className="text text-sm text-strong">{t('steps.position', { current: current + 1, total, title })}</p>
      <div className="progress" aria-hidden="true">
        <div className="progress-bar" style={{ inlineSize: `${((current + 1) / total) * 100}%` }} />
      </div>
      <nav aria-label={t('steps.navLabel')}>
        <ol className="plain-list cluster step-list" style={{ gap: 6 }}>
          {items.map((item) => {
            const active = item.index === current;
            const label =
              item.index === steps.length
                ? t('steps.reviewLabel', { number: item.index + 1 })
                : item.missing > 0
                  ? t('steps.labelMissing', { number: item.index + 1, title: item.title, missing: item.missing })
                  : t('steps.labelComplete', { number: item.index + 1, title: item.title });
            return (
              <li key={item.index}>
                <button
                  type="button"
                  className="step-chip"
                  data-active={active || undefined}
                  data-missing={item.missing > 0 || undefined}
                  aria-current={active ? 'step' : undefined}
                  aria-label={label}
                  title={label}
                  onClick={() => onSelect(item.index)}
                >
                  <span aria-hidden="true">{item.index === steps.length ? <CheckIcon size={14} /> : item.index + 1}</span>
                  {item.missing > 0 ? (
                    <span className="step-chip-missing" aria-hidden="true">
                      {item.missing}
                    </span>
                  ) : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
    </div>
  );
}
