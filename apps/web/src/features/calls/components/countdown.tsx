import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInitialNow } from '../../../lib/hydration-clock';
import { countdownParts, padCountdown } from '../deadline';

/**
 * Time left until the deadline, ticking every second. It is a `timer` (not announced on each tick):
 * screen readers read it when asked, and a polite message announces once that the deadline passed.
 */
export function Countdown({ deadline, onOver }: { deadline: string; onOver?: () => void }) {
  const { t } = useTranslation('calls');
  const [now, setNow] = useState(useInitialNow());
  const parts = countdownParts(deadline, now);

  useEffect(() => {
    if (parts.over) return;
    // The first render may show the server's instant (hydration): the browser's clock from now on.
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [parts.over]);

  useEffect(() => {
    if (parts.over) onOver?.();
  }, [parts.over, onOver]);

  const units = [
    { key: 'days', value: String(parts.days), label: t('countdown.days') },
    { key: 'hours', value: padCountdown(parts.hours), label: t('countdown.hours') },
    { key: 'minutes', value: padCountdown(parts.minutes), label: t('countdown.minutes') },
    { key: 'seconds', value: padCountdown(parts.seconds), label: t('countdown.seconds') },
  ];

  return (
    <div className="stack" style={{ gap: 6 }}>
      <p className="text text-sm text-strong" id="countdown-label">
        {t('countdown.label')}
      </p>
      <div role="timer" aria-labelledby="countdown-label" aria-live="off" aria-atomic="true">
        <div className="cluster cluster-nowrap countdown">
          {units.map((unit) => (
            <div key={unit.key} className="countdown-unit">
              <span className="countdown-value">{unit.value}</span>
              <span className="countdown-label">{unit.label}</span>
            </div>
          ))}
        </div>
      </div>
      <div aria-live="polite" className="visually-hidden">
        {parts.over ? t('countdown.over') : ''}
      </div>
    </div>
  );
}
