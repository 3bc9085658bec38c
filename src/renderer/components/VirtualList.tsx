import {
  type HTMLAttributes,
  type ReactNode,
  type Ref,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { scrollToReveal, visibleRange } from './virtualWindow';

interface VirtualListProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  count: number;
  rowHeight: number;
  /** Kept in view whenever it changes (keyboard navigation), and always rendered (aria-activedescendant). */
  activeIndex?: number;
  overscan?: number;
  renderRow: (index: number) => ReactNode;
  ref?: Ref<HTMLDivElement | null>;
}

/**
 * Renders only the rows in view of a fixed-row-height list, so a checklist of thousands of items
 * costs the same as one of twenty. Rows are absolutely placed inside a spacer of the full height.
 */
export function VirtualList({
  count,
  rowHeight,
  activeIndex,
  overscan = 8,
  renderRow,
  className,
  ref: outerRef,
  ...rest
}: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  useImperativeHandle<HTMLDivElement | null, HTMLDivElement | null>(outerRef, () => ref.current, []);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setHeight(el.clientHeight);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // The first reveal centres the row (a list opened at an item shows what surrounds it); later
  // ones scroll just enough, so stepping through the list does not jump.
  const revealed = useRef(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || activeIndex === undefined || activeIndex < 0) return;
    const centre = !revealed.current;
    revealed.current = true;
    const next = centre
      ? Math.max(0, activeIndex * rowHeight - (el.clientHeight - rowHeight) / 2)
      : scrollToReveal(activeIndex, rowHeight, el.scrollTop, el.clientHeight);
    if (next !== null && next !== el.scrollTop) {
      el.scrollTop = next;
      setScrollTop(next);
    }
  }, [activeIndex, rowHeight]);

  const { start, end } = visibleRange(count, rowHeight, scrollTop, height, overscan);
  const indices: number[] = [];
  if (activeIndex !== undefined && activeIndex >= 0 && activeIndex < count && activeIndex < start)
    indices.push(activeIndex);
  for (let i = start; i < end; i++) indices.push(i);
  if (activeIndex !== undefined && activeIndex >= end && activeIndex < count) indices.push(activeIndex);
  const rows = indices.map((i) => (
    <div key={i} className="vrow" style={{ top: i * rowHeight, height: rowHeight }}>
      {renderRow(i)}
    </div>
  ));
  return (
    <div
      ref={ref}
      className={className ? `vlist ${className}` : 'vlist'}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      {...rest}
    >
      <div className="vlist-spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
