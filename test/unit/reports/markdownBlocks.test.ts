import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlines, markdownBlocks, methodBlocks } from '../../../src/core/reports/markdownBlocks';

describe('markdown blocks for the PDF method appendix', () => {
  it('reads headings, paragraphs joined over lines, nested lists, tables and code', () => {
    const md = [
      '# Title',
      '',
      'Intro about `src/core`.',
      '',
      '## Applicability',
      '',
      'A requirement **applies** when its level',
      'is at most *T*.',
      '',
      '- first item',
      '  continued',
      '  - nested',
      '- second',
      '',
      '| Scope | Rule |',
      '| ----- | ---- |',
      '| Zone  | all  |',
      '',
      '```',
      'level(pred)',
      '```',
    ].join('\n');
    expect(markdownBlocks(md).map((b) => b.kind)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'paragraph',
      'list',
      'table',
      'code',
    ]);
    const method = methodBlocks(md);
    expect(method[0]).toEqual({ kind: 'heading', level: 2, inlines: [{ text: 'Applicability' }] });
    expect(method[1]).toEqual({
      kind: 'paragraph',
      inlines: [
        { text: 'A requirement ' },
        { text: 'applies', bold: true },
        { text: ' when its level is at most ' },
        { text: 'T', italic: true },
        { text: '.' },
      ],
    });
    expect(method[2]).toEqual({
      kind: 'list',
      items: [
        { depth: 0, inlines: [{ text: 'first item continued' }] },
        { depth: 1, inlines: [{ text: 'nested' }] },
        { depth: 0, inlines: [{ text: 'second' }] },
      ],
    });
    expect(method[3]).toEqual({
      kind: 'table',
      header: [[{ text: 'Scope' }], [{ text: 'Rule' }]],
      rows: [[[{ text: 'Zone' }], [{ text: 'all' }]]],
    });
    expect(method[4]).toEqual({ kind: 'code', text: 'level(pred)' });
  });

  it('keeps link text and code spans, and nests emphasis', () => {
    expect(inlines('see [the doc](docs/x.md) and `a*b*c`, **bold *both* end**')).toEqual([
      { text: 'see ' },
      { text: 'the doc' },
      { text: ' and ' },
      { text: 'a*b*c', code: true },
      { text: ', ' },
      { text: 'bold ', bold: true },
      { text: 'both', bold: true, italic: true },
      { text: ' end', bold: true },
    ]);
  });

  it('reads the shipped docs/scoring.md into blocks without losing a section heading', () => {
    const md = fs.readFileSync('docs/scoring.md', 'utf8');
    const headings = md.split('\n').filter((l) => /^##\s/.test(l)).length;
    const blocks = methodBlocks(md);
    expect(blocks.filter((b) => b.kind === 'heading' && b.level === 2)).toHaveLength(headings);
    expect(blocks[0].kind).toBe('heading');
  });
});
