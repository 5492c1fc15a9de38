/**
 * The page's one `<h1>`. It names the document (document.title) and, after a client-side
 * navigation, receives focus so keyboard and screen-reader users start at the new content.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { takeFocusRequest } from '../app/router';
import { t } from '../i18n';

export function PageHeading({ title, children, class: className }: { title: string; children?: ComponentChildren; class?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title]);
  useEffect(() => {
    if (takeFocusRequest()) ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} class={className ?? 'h2 mb-3'} id="main-heading">
      {children ?? title}
    </h1>
  );
}
