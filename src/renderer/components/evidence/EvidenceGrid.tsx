import { useRef } from 'react';
import { describeRef } from '../../../core/evidenceTargets';
import { formatSize } from '../../../core/format';
import type { EvidenceItem } from '../../../shared/contract/evidence';
import { formatDateTime } from '../format';
import { TableHead } from '../TableHead';
import { CopyHash } from './EvidenceDetails';
import { Thumb } from './Thumb';
import { useScrollView, visibleRows } from './useWindowedRows';

const TILE_W = 176;
const TILE_H = 196;
const ROW_H = 49;

interface ViewProps {
  items: EvidenceItem[];
  onOpen: (item: EvidenceItem) => void;
}

/** Thumbnails in a windowed grid: only the rows in view exist in the DOM. */
export function EvidenceGrid({ items, onOpen }: ViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const view = useScrollView(scroller);
  const columns = Math.max(1, Math.floor((view.width - 8) / TILE_W));
  const rows = Math.ceil(items.length / columns);
  const { first, last } = visibleRows(view, rows, TILE_H);
  const visible = items.slice(first * columns, last * columns);
  return (
    <div ref={scroller} className="evidence-scroll" data-testid="evidence-grid">
      <div style={{ height: rows * TILE_H, position: 'relative' }}>
        <ul
          className="evidence-grid"
          style={{
            transform: `translateY(${first * TILE_H}px)`,
            gridTemplateColumns: `repeat(${columns}, ${TILE_W - 12}px)`,
          }}
        >
          {visible.map((item) => (
            <li key={item.sha256} className="tile" data-testid="evidence-tile">
              <button type="button" className="tile-button" onClick={() => onOpen(item)} title={item.sha256}>
                <Thumb item={item} size={152} />
                <span className="tile-name">{item.fileName}</span>
                <span className="tile-meta small muted">
                  {item.links.length
                    ? `${item.links.length} link${item.links.length > 1 ? 's' : ''}`
                    : 'unlinked'}
                  {item.privateExif ? ' · GPS/serial' : ''}
                  {item.stored ? '' : ' · file not here'}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The same items as a windowed table: name, hash, size, capture, links. */
export function EvidenceList({ items, onOpen }: ViewProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const { first, last } = visibleRows(useScrollView(scroller), items.length, ROW_H);
  return (
    <div ref={scroller} className="evidence-scroll" data-testid="evidence-list">
      <table className="table evidence-table">
        <TableHead columns={['File', 'SHA-256', 'Size', 'Captured', 'Links']} />
        <tbody>
          {first > 0 && <tr style={{ height: first * ROW_H }} />}
          {items.slice(first, last).map((item) => (
            <tr key={item.sha256} style={{ height: ROW_H }} data-testid="evidence-row">
              <td>
                <button type="button" className="link" onClick={() => onOpen(item)}>
                  {item.fileName}
                </button>
                <span className="small muted"> {item.kind}</span>
              </td>
              <td className="small">
                <span className="mono" title={item.sha256}>
                  {item.sha256.slice(0, 16)}…
                </span>{' '}
                <CopyHash sha256={item.sha256} label="Copy" />
              </td>
              <td className="small">{formatSize(item.size)}</td>
              <td className="small">
                {formatDateTime(item.capturedAt)} · {item.capturedBy}
              </td>
              <td className="small">{item.links.map(describeRef).join(', ') || '—'}</td>
            </tr>
          ))}
          {last < items.length && <tr style={{ height: (items.length - last) * ROW_H }} />}
        </tbody>
      </table>
    </div>
  );
}
