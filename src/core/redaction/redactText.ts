// Masks network addresses and serial numbers in free text for the 'management' redaction profile.
// Over-masking is the safe side: a version string that looks exactly like an IPv4 address is masked.

export const MASK = { ip: '[IP]', mac: '[MAC]', serial: '[serial]' } as const;

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
// Not preceded by a letter "v" (v1.2.3.4 is a version) or a digit/dot, not followed by more dotted digits.
const IPV4 = new RegExp(
  `(?<![\\w.])(?<![vV])${OCTET}(?:\\.${OCTET}){3}(?:\\/(?:3[0-2]|[12]?\\d))?(?::\\d{1,5})?(?![\\w]|\\.\\d)`,
  'g',
);
const MAC = /(?<![\w:-])[0-9A-Fa-f]{2}(?:([:-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){4}(?![\w:-])/g;
// Candidates for IPv6: runs of hex digits, colons and dots with at least two colons.
const IPV6_CANDIDATE = /(?<![\w:])\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*\]?(?:\/\d{1,3})?(?![\w:])/g;
const SERIAL =
  /\b(S\/N|SN|Serial(?:[ \t]*(?:No\.?|Nr\.?|Number|#))?|Ser\.[ \t]*No\.?|Seriennummer)([ \t]*[:#=]?[ \t]*)([A-Za-z0-9][A-Za-z0-9\-/.]*\d[A-Za-z0-9\-/.]*|\d[A-Za-z0-9\-/.]*)/gi;

function isIpv4(s: string): boolean {
  return new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`).test(s);
}

/** RFC 4291 text forms: eight groups, or fewer with one `::`; an IPv4 tail counts as two groups. */
export function isIpv6(candidate: string): boolean {
  const s = candidate.replace(/^\[|\]$/g, '').replace(/\/\d{1,3}$/, '');
  if (!s.includes(':')) return false;
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const all = halves.flatMap(groups);
  let count = all.length;
  const last = all.at(-1);
  if (last?.includes('.')) {
    if (!isIpv4(last)) return false;
    all.pop();
    count += 1;
  }
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

export function redactText(text: string): string {
  return text
    .replace(IPV6_CANDIDATE, (m) => (isIpv6(m) ? MASK.ip : m))
    .replace(MAC, MASK.mac)
    .replace(IPV4, MASK.ip)
    .replace(SERIAL, (_m, label: string, sep: string) => `${label}${sep || ' '}${MASK.serial}`);
}
