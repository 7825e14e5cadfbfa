import { Anchor, Box, Text, Title } from '@mantine/core';
import type { TLocale } from '@tahkim/contracts';
import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';

/**
 * A call's Markdown text, as staff wrote it. Raw HTML is never rendered (skipped), link targets go
 * through react-markdown's safe URL filter (no `javascript:`), and external links open without giving
 * the new page access to this one. Headings are shifted down so the page keeps one h1.
 */
const components: Components = {
  h1: ({ children }) => <Title order={3}>{children}</Title>,
  h2: ({ children }) => <Title order={3}>{children}</Title>,
  h3: ({ children }) => <Title order={4}>{children}</Title>,
  h4: ({ children }) => <Title order={5}>{children}</Title>,
  p: ({ children }) => <Text mb="sm">{children}</Text>,
  a: ({ href, children }) => {
    const external = Boolean(href && /^https?:/iu.test(href));
    return (
      <Anchor href={href} target={external ? '_blank' : undefined} rel={external ? 'noopener noreferrer nofollow' : undefined}>
        {children}
      </Anchor>
    );
  },
  img: () => null,
};

function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  // Only web links and e-mail addresses: no data:, file: or other schemes the filter lets through.
  return /^(https?:|mailto:|\/|#)/iu.test(cleaned) ? cleaned : '';
}

export function CallMarkdown({ children, lang }: { children: string; lang?: TLocale }) {
  return (
    <Box className="call-markdown" lang={lang}>
      <Markdown skipHtml components={components} urlTransform={safeUrl}>
        {children}
      </Markdown>
    </Box>
  );
}
