import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './print.css';

export type Orientation = 'landscape' | 'portrait';

interface Props {
  orientation: Orientation;
  children: ReactNode;
}

/**
 * What goes on paper: rendered beside the app (a child of <body>), hidden on screen; in print
 * media everything else is hidden (print.css), so only this sheet is printed.
 */
export function PrintSheet({ orientation, children }: Props) {
  return createPortal(<div className="print-root" data-orientation={orientation} data-testid="print-root">{children}</div>, document.body);
}

/** The same sheet on screen, as a page-wide preview of the paper. */
export function PaperPreview({ orientation, children }: Props) {
  return <div className={`paper-preview ${orientation}`} data-testid="paper-preview">{children}</div>;
}
