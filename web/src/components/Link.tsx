/** An in-app link: a real `<a href>` (so it works with middle-click and "copy link") that routes without reloading. */
import type { ComponentChildren, JSX } from 'preact';
import { isPlainLeftClick, navigate } from '../app/router';

type Props = Omit<JSX.HTMLAttributes<HTMLAnchorElement>, 'href'> & { href: string; children: ComponentChildren };

export function Link({ href, onClick, children, ...rest }: Props) {
  return (
    <a
      {...rest}
      href={href}
      onClick={(event) => {
        if (typeof onClick === 'function') onClick(event);
        if (!isPlainLeftClick(event)) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}
