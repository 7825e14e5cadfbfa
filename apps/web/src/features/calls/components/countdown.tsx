import { Group, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countdownParts, padCountdown } from '../deadline';

/**
 * Time left until the deadline, ticking every second. It is a `timer` (not announced on each tick):
 * screen readers read it when asked, and a polite message announces once that the deadline passed.
 */
export function Countdown({ deadline, onOver }: { deadline: string; onOver?: () => void }) {
  const { t } = useTranslation('calls');
  const [now, setNow] = useState(() => Date.now());
  const parts = countdownParts(deadline, now);

  useEffect(() => {
    if (parts.over) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
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
    <Stack gap={6}>
      <Text fw={600} size="sm" id="countdown-label">
        {t('countdown.label')}
      </Text>
      <div role="timer" aria-labelledby="countdown-label" aria-live="off" aria-atomic="true">
        <Group gap="xs" wrap="nowrap" className="countdown">
          {units.map((unit) => (
            <div key={unit.key} className="countdown-unit">
              <span className="countdown-value">{unit.value}</span>
              <span className="countdown-label">{unit.label}</span>
            </div>
          ))}
        </Group>
      </div>
      <div aria-live="polite" className="visually-hidden">
        {parts.over ? t('countdown.over') : ''}
      </div>
    </Stack>
  );
}
