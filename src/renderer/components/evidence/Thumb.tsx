import { useEffect, useRef, useState } from 'react';
import type { EvidenceItem } from '../../../shared/contract/evidence';
import { cachedThumbnail, loadThumbnail } from './thumbnails';

const ICON: Record<string, string> = {
  note: 'NOTE',
  'application/pdf': 'PDF',
  'text/csv': 'CSV',
  'application/json': 'JSON',
  'application/xml': 'XML',
  'application/zip': 'ZIP',
  'application/vnd.tcpdump.pcap': 'PCAP',
  'application/x-pcapng': 'PCAP',
};

export function typeLabel(item: Pick<EvidenceItem, 'mediaType' | 'kind'>): string {
  if (item.kind === 'note') return ICON.note;
  if (ICON[item.mediaType]) return ICON[item.mediaType];
  if (item.mediaType.includes('wordprocessingml')) return 'DOCX';
  if (item.mediaType.includes('spreadsheetml')) return 'XLSX';
  if (item.mediaType.startsWith('image/')) return item.mediaType.slice(6).toUpperCase();
  if (item.mediaType.startsWith('text/')) return 'TEXT';
  return 'FILE';
}

/** A thumbnail that asks for its picture only once it is (nearly) on screen. */
export function Thumb({ item, size = 160 }: { item: EvidenceItem; size?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const image = item.mediaType.startsWith('image/') && item.mediaType !== 'image/svg+xml';
  const [url, setUrl] = useState<string | null | undefined>(() =>
    image ? cachedThumbnail(item.sha256) : null,
  );
  useEffect(() => {
    if (!image || url !== undefined) return;
    const el = ref.current;
    if (!el) return;
    let live = true;
    const io = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        io.disconnect();
        void loadThumbnail(item.sha256).then((u) => live && setUrl(u));
      },
      { rootMargin: '200px' },
    );
    io.observe(el);
    return () => {
      live = false;
      io.disconnect();
    };
  }, [image, url, item.sha256]);
  return (
    <div ref={ref} className="thumb" style={{ width: size, height: size * 0.75 }}>
      {url ? (
        <img src={url} alt={`Thumbnail of ${item.fileName}`} loading="lazy" data-testid="thumbnail-img" />
      ) : (
        <span className="thumb-type" aria-hidden="true">
          {image && url === undefined ? '…' : typeLabel(item)}
        </span>
      )}
    </div>
  );
}
