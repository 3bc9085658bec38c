// A strict, small XML 1.0 well-formedness parser for the charts' tests: elements, attributes,
// character and the five predefined entity references, comments. It rejects what our SVG must never
// contain (DTDs, CDATA, processing instructions other than the XML declaration) and returns a tree
// so tests can make structural assertions instead of matching strings.

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The decoded character data directly inside this element. */
  text: string;
}

const NAME = /^[A-Za-z_:][A-Za-z0-9_.:-]*/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 ||
    c === 0xa ||
    c === 0xd ||
    (c >= 0x20 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

function decode(raw: string, where: string, inAttr: boolean): string {
  if (inAttr && raw.includes('<')) throw new Error(`${where}: '<' in an attribute value`);
  return raw.replace(/&([^;]*);?/g, (m, ref: string) => {
    if (!m.endsWith(';')) throw new Error(`${where}: bare '&'`);
    if (ref in ENTITIES) return ENTITIES[ref];
    const num = /^#(\d+)$/.exec(ref)?.[1] ?? /^#x([0-9a-fA-F]+)$/.exec(ref)?.[1];
    if (num === undefined) throw new Error(`${where}: unknown entity &${ref};`);
    const cp = Number.parseInt(num, ref.startsWith('#x') ? 16 : 10);
    if (!isXmlChar(cp)) throw new Error(`${where}: &${ref}; is not an XML character`);
    return String.fromCodePoint(cp);
  });
}

export function parseXml(xml: string): XmlElement {
  for (const ch of xml) {
    const c = ch.codePointAt(0)!;
    if (!isXmlChar(c)) throw new Error(`character U+${c.toString(16)} is not allowed in XML`);
  }
  let i = 0;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end < 0) throw new Error('unterminated XML declaration');
    i = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;

  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const chunk = xml.slice(i, lt < 0 ? xml.length : lt);
    if (chunk.includes(']]>')) throw new Error(`']]>' in character data at ${i}`);
    if (stack.length) stack[stack.length - 1].text += decode(chunk, `text at ${i}`, false);
    else if (chunk.trim()) throw new Error(`text outside the root element at ${i}`);
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end < 0 || xml.slice(i + 4, end).includes('--')) throw new Error(`bad comment at ${i}`);
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const m = /^<\/([A-Za-z_:][A-Za-z0-9_.:-]*)\s*>/.exec(xml.slice(i));
      if (!m) throw new Error(`bad end tag at ${i}`);
      const open = stack.pop();
      if (!open || open.name !== m[1]) throw new Error(`</${m[1]}> at ${i} does not close <${open?.name}>`);
      i += m[0].length;
    } else if (xml.startsWith('<!', i) || xml.startsWith('<?', i)) {
      throw new Error(`unsupported markup at ${i}`);
    } else {
      i++;
      const name = NAME.exec(xml.slice(i))?.[0];
      if (!name) throw new Error(`bad element name at ${i}`);
      i += name.length;
      const el: XmlElement = { name, attrs: {}, children: [], text: '' };
      for (;;) {
        const ws = /^\s*/.exec(xml.slice(i))![0];
        i += ws.length;
        if (xml.startsWith('/>', i) || xml.startsWith('>', i)) break;
        if (!ws) throw new Error(`attributes of <${name}> need whitespace between them at ${i}`);
        const a = /^([A-Za-z_:][A-Za-z0-9_.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(xml.slice(i));
        if (!a) throw new Error(`bad attribute in <${name}> at ${i}`);
        if (a[1] in el.attrs) throw new Error(`duplicate attribute ${a[1]} in <${name}>`);
        el.attrs[a[1]] = decode(a[3] ?? a[4], `attribute ${a[1]} of <${name}>`, true);
        i += a[0].length;
      }
      const selfClosing = xml.startsWith('/>', i);
      i += selfClosing ? 2 : 1;
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) throw new Error(`second root element <${name}>`);
      else root = el;
      if (!selfClosing) stack.push(el);
    }
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element in document order. */
export function allElements(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(allElements)];
}
