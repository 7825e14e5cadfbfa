import { Button, Collapse, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isolate } from '../audit-labels';
import type { AuditDetail } from '../describe-event';
import type { AuditEvent } from '../queries';

const SHOWN_CHANGES = 6;

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <Stack gap={2}>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      <pre className="audit-json" dir="ltr">
        {JSON.stringify(value, null, 2)}
      </pre>
    </Stack>
  );
}

/**
 * The values an action changed, labelled and in words ("Statut : Brouillon → Ouvert"), and on demand
 * the record exactly as stored (codes, ids and JSON), as the CSV export gives it.
 */
export function ChangeSummary({ event, details }: { event: AuditEvent; details: readonly AuditDetail[] }) {
  const { t } = useTranslation('audit');
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const shown = details.slice(0, SHOWN_CHANGES);
  const missing = t('changes.missing');

  return (
    <Stack gap={4} align="flex-start">
      {details.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('changes.none')}
        </Text>
      ) : (
        <ul className="plain-list audit-changes" data-testid="audit-changes">
          {shown.map((detail) => {
            const before = detail.before ?? missing;
            const after = detail.after ?? missing;
            return (
              <li key={detail.key}>
                <span className="visually-hidden">{t('changes.change', { key: detail.label, before, after })}</span>
                <span aria-hidden="true">
                  <span className="audit-key">{detail.label}</span>
                  {t('changes.separator')}
                  {detail.before !== undefined ? (
                    <>
                      <bdi className="audit-before">{before}</bdi> {t('changes.arrow')}{' '}
                    </>
                  ) : null}
                  <bdi className="audit-after">{after}</bdi>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {details.length > SHOWN_CHANGES ? (
        <Text size="xs" c="dimmed">
          {t('changes.more', { count: details.length - SHOWN_CHANGES })}
        </Text>
      ) : null}
      <Button variant="subtle" size="compact-xs" className="audit-show-record" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((value) => !value)}>
        {open ? t('changes.hide') : t('changes.show')}
      </Button>
      <Collapse expanded={open} id={detailsId} style={{ inlineSize: '100%' }}>
        {open ? (
          <Stack gap="xs" className="audit-details" data-testid="audit-raw">
            <Text size="xs" c="dimmed">
              {t('entry.code', { code: isolate(event.action) })}
            </Text>
            {event.entityId ? (
              <Text size="xs" c="dimmed">
                {t('entity.fullId', { id: isolate(`${event.entityType} ${event.entityId}`) })}
              </Text>
            ) : null}
            {event.before != null ? <JsonBlock label={t('changes.before')} value={event.before} /> : null}
            {event.after != null ? <JsonBlock label={t('changes.after')} value={event.after} /> : null}
            {event.requestId ? (
              <Text size="xs" c="dimmed">
                {t('changes.requestId', { id: isolate(event.requestId) })}
              </Text>
            ) : null}
            {event.ip ? (
              <Text size="xs" c="dimmed">
                {t('changes.ip', { ip: isolate(event.ip) })}
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Collapse>
    </Stack>
  );
}
