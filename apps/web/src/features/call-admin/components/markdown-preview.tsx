import { Text, Typography } from '@mantine/core';
import Markdown from 'react-markdown';
import { useTranslation } from 'react-i18next';

/**
 * Markdown as applicants will read it. Raw HTML is dropped (never rendered), and react-markdown's
 * default URL filter removes `javascript:` and other unsafe links.
 */
export function MarkdownPreview({ source, dir }: { source: string; dir: 'rtl' | 'ltr' }) {
  const { t } = useTranslation('callAdmin');
  if (!source.trim()) {
    return (
      <Text c="dimmed" size="sm" dir={dir}>
        {t('editor.markdown.empty')}
      </Text>
    );
  }
  return (
    <Typography dir={dir} className="markdown-preview">
      <Markdown skipHtml>{source}</Markdown>
    </Typography>
  );
}
