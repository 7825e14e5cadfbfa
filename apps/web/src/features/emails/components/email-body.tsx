import { Anchor, Badge, Text } from '@mantine/core';
import type { TEmailSegment } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { LinkifiedText } from './linkified-text';

/**
 * An email's text as the API gave it to this reader: plain parts with their links clickable, and its
 * one-time links either hidden ("link hidden") or, for admins while emails are captured, shown as such.
 */
export function EmailBody({ segments }: { segments: TEmailSegment[] }) {
  const { t } = useTranslation('admin');
  return (
    <>
      {segments.map((segment, index) => {
        if (segment.kind === 'text') return <LinkifiedText key={index} text={segment.value} />;
        if (segment.value === null) {
          return (
            <Badge key={index} component="span" variant="light" color="gray" radius="sm" tt="none" title={t('emails.linkHiddenHint')}>
              {t('emails.linkHidden')}
            </Badge>
          );
        }
        return (
          <span key={index}>
            <Text component="span" display="block" size="xs" c="dimmed">
              {t('emails.linkVisibleToAdmins')}
            </Text>
            <Anchor href={segment.value} dir="ltr" className="break-anywhere">
              {segment.value}
            </Anchor>
          </span>
        );
      })}
    </>
  );
}
