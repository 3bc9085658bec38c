import scoringMarkdown from '../../../../../docs/scoring.md?raw';
import { type Block, type Inline, methodBlocks } from '../../../../core/reports/markdownBlocks';
import { type Content, type Node, runs, TABLE_LAYOUT } from './blocks';

// The appendix prints the scoring method exactly as docs/scoring.md states it: the file is read at
// build time, so the report and the documentation cannot drift apart.

function inlineRuns(list: Inline[]): Node[] {
  return list.flatMap((i) =>
    runs(i.text, {
      ...(i.bold ? { bold: true } : {}),
      ...(i.italic ? { italics: true } : {}),
      ...(i.code ? { style: 'mono', fontSize: 8 } : {}),
    }),
  );
}

function blockContent(b: Block): Content {
  switch (b.kind) {
    case 'heading':
      return {
        text: inlineRuns(b.inlines),
        ...(b.level <= 2 ? { style: 'h3' } : { bold: true }),
        margin: [0, 6, 0, 3],
      };
    case 'paragraph':
      return { text: inlineRuns(b.inlines), margin: [0, 0, 0, 5] };
    case 'list':
      return {
        stack: b.items.map((item) => ({
          columns: [
            { text: item.depth ? '\u2013' : '\u2022', width: 10 },
            { text: inlineRuns(item.inlines), width: '*' },
          ],
          margin: [item.depth * 12, 0, 0, 2],
        })),
        margin: [0, 0, 0, 5],
      };
    case 'table':
      return {
        table: {
          headerRows: 1,
          widths: b.header.map(() => '*'),
          body: [
            b.header.map((c) => ({ text: inlineRuns(c), style: 'th' })),
            ...b.rows.map((r) => b.header.map((_, i) => ({ text: inlineRuns(r[i] ?? []) }))),
          ],
          dontBreakRows: true,
        },
        layout: TABLE_LAYOUT,
        fontSize: 8,
        margin: [0, 2, 0, 8],
      };
    case 'code':
      return { text: b.text, style: 'mono', preserveLeadingSpaces: true, margin: [8, 0, 0, 6] };
  }
}

/** docs/scoring.md from its first section on, as pdfmake content. */
export function methodContent(markdown: string = scoringMarkdown): Content[] {
  return methodBlocks(markdown).map(blockContent);
}
