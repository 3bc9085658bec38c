// A small reader for the Markdown our own docs are written in (headings, paragraphs, nested lists,
// pipe tables, fenced code, **bold**, *italic*, `code`, [links](…)), so the PDF can print the method
// from docs/scoring.md as written. Not a general Markdown parser: HTML, images and reference links
// are not used in those docs and come out as plain text.

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; inlines: Inline[] }
  | { kind: 'paragraph'; inlines: Inline[] }
  | { kind: 'list'; items: { depth: number; inlines: Inline[] }[] }
  | { kind: 'table'; header: Inline[][]; rows: Inline[][][] }
  | { kind: 'code'; text: string };

const TOKEN = /\*\*(.+?)\*\*|`([^`]+)`|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\([^)]*\)/g;

/** Inline emphasis and code as runs; a link keeps its text. */
export function inlines(text: string): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > at) out.push({ text: text.slice(at, m.index) });
    if (m[1] !== undefined) out.push(...inlines(m[1]).map((r) => ({ ...r, bold: true })));
    else if (m[2] !== undefined) out.push({ text: m[2], code: true });
    else if (m[3] !== undefined) out.push(...inlines(m[3]).map((r) => ({ ...r, italic: true })));
    else out.push(...inlines(m[4]));
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

const LIST_ITEM = /^(\s*)(?:[-*]|\d+\.)\s+(.*)$/;
const HEADING = /^(#{1,6})\s+(.*)$/;

export function markdownBlocks(md: string): Block[] {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { depth: number; text: string }[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', inlines: inlines(paragraph.join(' ')) });
    if (list.length)
      blocks.push({ kind: 'list', items: list.map((i) => ({ depth: i.depth, inlines: inlines(i.text) })) });
    paragraph = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trimStart().startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith('```'); i++) code.push(lines[i]);
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', level: heading[1].length, inlines: inlines(heading[2].trim()) });
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      flush();
      const rows: string[][] = [];
      for (; i < lines.length && lines[i].trimStart().startsWith('|'); i++) rows.push(cells(lines[i]));
      i--;
      const body = rows.filter((r, n) => !(n === 1 && r.every((c) => /^:?-+:?$/.test(c))));
      blocks.push({
        kind: 'table',
        header: body[0].map(inlines),
        rows: body.slice(1).map((r) => r.map(inlines)),
      });
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      if (paragraph.length) flush();
      list.push({ depth: Math.floor(item[1].length / 2), text: item[2] });
    } else if (list.length) {
      list[list.length - 1].text += ` ${line.trim()}`;
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** The method part of docs/scoring.md: everything from its first second-level heading on. */
export function methodBlocks(md: string): Block[] {
  const blocks = markdownBlocks(md);
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2);
  return start < 0 ? blocks.filter((b) => !(b.kind === 'heading' && b.level === 1)) : blocks.slice(start);
}
