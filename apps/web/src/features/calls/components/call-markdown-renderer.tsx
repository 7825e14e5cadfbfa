import Markdown, { defaultUrlTransform, type Components } from 'react-markdown';

/**
 * react-markdown's rendering of a call's text (its own chunk: the browser downloads it only when it must
 * render a text itself, see call-markdown.tsx). Raw HTML is never rendered (skipped), link targets go
 * through react-markdown's safe URL filter (no `javascript:`), and external links open without giving
 * the new page access to this one. Headings are shifted down so the page keeps one h1.
 */
const components: Components = {
  h1: ({ children }) => <h3 className="call-markdown-heading">{children}</h3>,
  h2: ({ children }) => <h3 className="call-markdown-heading">{children}</h3>,
  h3: ({ children }) => <h4 className="call-markdown-heading">{children}</h4>,
  h4: ({ children }) => <h5 className="call-markdown-heading">{children}</h5>,
  h5: ({ children }) => <h6 className="call-markdown-heading">{children}</h6>,
  h6: ({ children }) => <h6 className="call-markdown-heading">{children}</h6>,
  a: ({ href, children }) => {
    const external = Boolean(href && /^https?:/iu.test(href));
    return (
      <a href={href} target={external ? '_blank' : undefined} rel={external ? 'noopener noreferrer nofollow' : undefined}>
        {children}
      </a>
    );
  },
  img: () => null,
};

function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  // Only web links and e-mail addresses: no data:, file: or other schemes the filter lets through.
  return /^(https?:|mailto:|\/|#)/iu.test(cleaned) ? cleaned : '';
}

export default function CallMarkdownRenderer({ text }: { text: string }) {
  return (
    <Markdown skipHtml components={components} urlTransform={safeUrl}>
      {text}
    </Markdown>
  );
}
