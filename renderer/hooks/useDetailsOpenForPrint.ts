/**
 * Opens every <details> inside the element while the page prints, and closes again the ones the
 * user had closed. print.css opens them too (::details-content), where the browser knows it; this
 * covers the others, which all fire `beforeprint` on Ctrl+P.
 */
import { useEffect, type RefObject } from 'react';

export function useDetailsOpenForPrint(container: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    let opened: HTMLDetailsElement[] = [];
    const before = () => {
      opened = [...(container.current?.querySelectorAll('details:not([open])') ?? [])] as HTMLDetailsElement[];
      for (const details of opened) details.open = true;
    };
    const after = () => {
      for (const details of opened) details.open = false;
      opened = [];
    };
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, [container]);
}
