import { Anchor, Badge, Collapse, Group, Paper, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import type { TCriterion } from '@tahkim/contracts';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { MAX_SEGMENTS, scaleValues, stepValue, typeDigit } from '../scorecard-state';
import { NumberField } from '../../../components/number-field';

interface CriterionInputProps {
  criterion: TCriterion;
  index: number;
  share: number;
  value: number | null;
  comment: string;
  readOnly: boolean;
  missing: boolean;
  onValue: (value: number | null) => void;
  onComment: (comment: string) => void;
  /** Enter: on to the next criterion (or the overall comment after the last one). */
  onNext: () => void;
}

/** Digits typed within this delay make one number ("1", "0" → 10). */
const DIGIT_WINDOW_MS = 900;

const isRtl = (element: HTMLElement) => element.closest('[dir]')?.getAttribute('dir') === 'rtl';

/**
 * One criterion of the scorecard: its label, weight share, scale and guidance, and the value as a
 * radio group made for the keyboard: digits type the value, arrows move it, Enter goes to the next
 * criterion, Tab leaves the group (one tab stop per group).
 */
export function CriterionInput({ criterion, index, share, value, comment, readOnly, missing, onValue, onComment, onNext }: CriterionInputProps) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const labelId = useId();
  const guidanceId = useId();
  const [guidanceOpen, setGuidanceOpen] = useState(false);
  const [commentOpen, setCommentOpen] = useState(comment.trim() !== '');
  const typed = useRef({ buffer: '', at: 0 });
  const groupRef = useRef<HTMLDivElement>(null);
  const values = scaleValues(criterion);
  const segmented = values.length <= MAX_SEGMENTS;
  const guidance = localized(criterion.guidance ?? undefined, locale);
  const label = localized(criterion.label, locale);

  const choose = (next: number | null) => {
    if (readOnly) return;
    onValue(next);
    if (next !== null) groupRef.current?.querySelector<HTMLElement>(`[data-value="${next}"]`)?.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (key === 'Enter') {
      event.preventDefault();
      onNext();
      return;
    }
    if (readOnly) return;
    if (/^[0-9]$/u.test(key)) {
      event.preventDefault();
      const now = event.timeStamp;
      const buffer = now - typed.current.at <= DIGIT_WINDOW_MS ? typed.current.buffer : '';
      const result = typeDigit(buffer, key, criterion);
      typed.current = { buffer: result.buffer, at: now };
      if (result.value !== null) choose(result.value);
      return;
    }
    const forward = isRtl(event.currentTarget) ? -1 : 1;
    const deltas: Record<string, number> = { ArrowUp: 1, ArrowDown: -1, ArrowRight: forward, ArrowLeft: -forward };
    if (key in deltas) {
      event.preventDefault();
      choose(stepValue(value, deltas[key] ?? 0, criterion));
    } else if (key === 'Home' || key === 'End') {
      event.preventDefault();
      choose(key === 'Home' ? criterion.scaleMin : criterion.scaleMax);
    } else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      onValue(null);
    }
  };

  const focusable = value ?? criterion.scaleMin;

  return (
    <Paper withBorder radius="md" p="md" className="criterion" data-missing={missing || undefined} data-criterion-index={index}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text fw={700} id={labelId} style={{ overflowWrap: 'anywhere' }}>
            {t('scorecard.criterionLabel', { number: index + 1, label })}
          </Text>
          <Badge variant="light" color="gray" className="criterion-share">
            {t('scorecard.weight', { share: Math.round(share) })}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('scorecard.scale', { min: criterion.scaleMin, max: criterion.scaleMax })}
        </Text>
        {guidance ? (
          <div>
            <Anchor component="button" type="button" size="sm" aria-expanded={guidanceOpen} aria-controls={guidanceId} onClick={() => setGuidanceOpen((open) => !open)}>
              {guidanceOpen ? t('scorecard.hideGuidance') : t('scorecard.showGuidance')}
            </Anchor>
            <Collapse expanded={guidanceOpen} id={guidanceId}>
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {guidance}
              </Text>
            </Collapse>
          </div>
        ) : null}
        {segmented ? (
          <div ref={groupRef} role="radiogroup" aria-labelledby={labelId} aria-required="true" aria-readonly={readOnly || undefined} className="score-segments" data-criterion-group={index}>
            {values.map((option) => (
              <UnstyledButton
                key={option}
                role="radio"
                aria-checked={value === option}
                data-value={option}
                tabIndex={option === focusable ? 0 : -1}
                className="score-segment"
                aria-disabled={readOnly || undefined}
                onClick={() => choose(option)}
                onKeyDown={onKeyDown}
              >
                {option}
              </UnstyledButton>
            ))}
          </div>
        ) : (
          <div ref={groupRef} data-criterion-group={index}>
            <NumberField
              aria-labelledby={labelId}
              min={criterion.scaleMin}
              max={criterion.scaleMax}
              allowDecimal={false}
              clampBehavior="strict"
              readOnly={readOnly}
              value={value ?? ''}
              onChange={(next) => onValue(typeof next === 'number' ? next : null)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  onNext();
                }
              }}
              maw={160}
              dir="ltr"
            />
          </div>
        )}
        {missing ? (
          <Text size="sm" c="red" fw={500}>
            {t('scorecard.criterionMissing')}
          </Text>
        ) : null}
        {commentOpen || comment.trim() ? (
          <Textarea
            label={t('scorecard.criterionComment')}
            autosize
            minRows={2}
            maxLength={5000}
            readOnly={readOnly}
            value={comment}
            onChange={(event) => onComment(event.currentTarget.value)}
          />
        ) : readOnly ? null : (
          <Anchor component="button" type="button" size="sm" onClick={() => setCommentOpen(true)} style={{ alignSelf: 'flex-start' }}>
            {t('scorecard.addComment')}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}
