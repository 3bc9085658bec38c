import exifr from 'exifr';
import type { ExifPrivacy } from '../../../shared/contract/evidence';
import { webpExifTiff } from './privacy';

/** EXIF fields that tie a photo to a place or to one physical device. */
export function hasPrivateExif(exif: ExifPrivacy | null | undefined): boolean {
  return !!exif && (!!exif.gps || Object.keys(exif.serials ?? {}).length > 0);
}

/** "2026:11:23 10:15:30" (+ "+01:00") -> ISO 8601 UTC; a missing offset means the machine's local time. */
export function exifDateToIso(value: unknown, offset?: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date =
    typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset)
      ? new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`)
      : new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1990) return null;
  return date.toISOString();
}

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The privacy-relevant EXIF of an image file, read from its first blocks only; null when there is
 * none, 'unreadable' when the file has EXIF-like data that could not be parsed (treated as private).
 */
export async function readExif(file: string, mediaType?: string): Promise<ExifPrivacy | null | 'unreadable'> {
  let raw: Record<string, unknown> | undefined;
  // exifr cannot read WebP; its EXIF chunk is a plain TIFF block that exifr can.
  const input = mediaType === 'image/webp' ? webpExifTiff(file) : file;
  if (!input) return null;
  try {
    raw = await exifr.parse(input, {
      tiff: true,
      ifd0: {},
      exif: {},
      gps: {},
      ifd1: false,
      interop: false,
      makerNote: false,
      userComment: false,
      xmp: false,
      icc: false,
      iptc: false,
      jfif: false,
      ihdr: false,
      reviveValues: false,
      translateValues: false,
      mergeOutput: true,
    });
  } catch {
    return 'unreadable'; // not an error for the evidence itself: the file is kept as it is
  }
  if (!raw) return null;
  if (Array.isArray(raw.errors) && raw.errors.length) return 'unreadable';
  const out: ExifPrivacy = {};
  const lat = raw.latitude;
  const lon = raw.longitude;
  if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) {
    out.gps = { latitude: lat, longitude: lon };
    if (typeof raw.GPSAltitude === 'number') out.gps.altitude = raw.GPSAltitude;
  }
  const serials: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (/serial/i.test(key) && (typeof value === 'string' || typeof value === 'number')) {
      const v = String(value).trim();
      if (v) serials[key] = v;
    }
  }
  if (Object.keys(serials).length) out.serials = serials;
  out.make = text(raw.Make);
  out.model = text(raw.Model);
  if (typeof raw.Orientation === 'number') out.orientation = raw.Orientation;
  out.dateTimeOriginal = exifDateToIso(raw.DateTimeOriginal, raw.OffsetTimeOriginal) ?? undefined;
  for (const k of Object.keys(out) as (keyof ExifPrivacy)[]) if (out[k] === undefined) delete out[k];
  return Object.keys(out).length ? out : null;
}
