import { Button, Collapse, Stack, Text } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../queries';
import { isolate } from '../audit-labels';
import { summariseChange } from '../summarise-change';

const SHOWN_CHANGES = 4;

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

/** The fields an action changed ("status: DRAFT → SUBMITTED"), and on demand the whole record before and after. */
export function ChangeSummary({ event }: { event: AuditEvent }) {
  const { t } = useTranslation('audit');
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const changes = summariseChange(event.before, event.after);
  const shown = changes.slice(0, SHOWN_CHANGES);
  const hasDetails = event.before != null || event.after != null || event.requestId != null || event.ip != null;
  const missing = t('changes.missing');

  return (
    <Stack gap={4} align="flex-start">
      {changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('changes.none')}
        </Text>
      ) : (
        <ul className="plain-list audit-changes" data-testid="audit-changes">
          {shown.map((change) => {
            const key = change.key || t('changes.value');
            const before = change.before ?? missing;
            const after = change.after ?? missing;
            return (
              <li key={change.key}>
                <span className="visually-hidden">{t('changes.change', { key, before, after })}</span>
                <span aria-hidden="true">
                  <code className="audit-key">{key}</code>{' '}
                  <bdi dir="ltr" className="audit-before">
                    {before}
                  </bdi>{' '}
                  {t('changes.arrow')}{' '}
                  <bdi dir="ltr" className="audit-after">
                    {after}
                  </bdi>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {changes.length > SHOWN_CHANGES ? (
        <Text size="xs" c="dimmed">
          {t('changes.more', { count: changes.length - SHOWN_CHANGES })}
        </Text>
      ) : null}
      {hasDetails ? (
        <>
          <Button variant="subtle" size="compact-xs" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((value) => !value)}>
            {open ? t('changes.hide') : t('changes.show')}
          </Button>
          <Collapse expanded={open} id={detailsId} style={{ inlineSize: '100%' }}>
            {open ? (
              <Stack gap="xs" className="audit-details">
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
        </>
      ) : null}
    </Stack>
  );
}
