import type { TLocale } from '@tahkim/contracts';
import { lazy, Suspense, useEffect, useId, useState, type ComponentType } from 'react';
import './call-markdown.css';

type Renderer = ComponentType<{ text: string }>;

/** The server renders with react-markdown at once (entry-server.tsx provides it). */
let serverRenderer: Renderer | undefined;
export function provideMarkdownRenderer(renderer: Renderer): void {
  serverRenderer = renderer;
}

/** The browser downloads react-markdown only when it renders a text itself (client navigation, language switch). */
const LazyRenderer = lazy(() => import('./call-markdown-renderer'));

/**
 * The HTML of the call's texts as the server sent them, read before hydration (main.tsx): the page
 * hydrates them as they are, without react-markdown.
 */
const serverHtml = new Map<string, string>();

export function keepServerRenderedMarkdown(root: ParentNode): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-call-markdown]')) {
    if (element.id) serverHtml.set(element.id, element.innerHTML);
  }
}

/**
 * A call's Markdown text, as staff wrote it (safe links, no raw HTML, no images, headings under the
 * page's own; see call-markdown-renderer.tsx), marked with the language it is written in.
 */
export function CallMarkdown({ children, lang }: { children: string; lang?: TLocale }) {
  const id = `call-markdown-${useId()}`;
  // The server's HTML serves as long as the text is the one it rendered (the first render, when hydrating).
  const [hydrated] = useState(() => {
    const html = serverHtml.get(id);
    return html === undefined ? undefined : { html, text: children };
  });
  useEffect(() => {
    serverHtml.delete(id);
  }, [id]);

  const attributes = { id, className: 'call-markdown', lang, 'data-call-markdown': '' };
  if (hydrated && hydrated.text === children) return <div {...attributes} dangerouslySetInnerHTML={{ __html: hydrated.html }} />;
  if (serverRenderer) {
    const Renderer = serverRenderer;
    return (
      <div {...attributes}>
        <Renderer text={children} />
      </div>
    );
  }
  return (
    <div {...attributes}>
      <Suspense fallback={<p className="call-markdown-pending">{children}</p>}>
        <LazyRenderer text={children} />
      </Suspense>
    </div>
  );
}
