import { describe, expect, it } from 'vitest';
import { gapHeatmapSvg } from '../../../src/core/charts/gapHeatmap';
import { maturityChartSvg } from '../../../src/core/charts/maturityChart';
import { slChartSvg } from '../../../src/core/charts/slChart';
import { escapeXml, truncate } from '../../../src/core/charts/svg';
import { FR_ABBREV, FRS, type SlVector, SPES, type Spe, uniformSl } from '../../../src/core/domain';
import { PALETTES } from '../../../src/core/palette';
import { allElements, parseXml, type XmlElement } from './xml';

const T: SlVector = { FR1: 2, FR2: 2, FR3: 3, FR4: 1, FR5: 3, FR6: 1, FR7: 2 };
const A: SlVector = { FR1: 2, FR2: 1, FR3: 0, FR4: 4, FR5: 0, FR6: 1, FR7: 2 };
const NASTY = `<script>alert("x")</script> & 'Zone' 🚰\u0007\uD800 ]]>`;
const MATURITY: Record<Spe, number | null> = {
  ORG: 2,
  CM: 0,
  NET: 3,
  COMP: 4,
  DATA: null,
  USER: 1,
  EVENT: 3,
  AVAIL: 2,
};

const by = (root: XmlElement, pred: (e: XmlElement) => boolean) => allElements(root).filter(pred);
const texts = (root: XmlElement) => by(root, (e) => e.name === 'text').map((e) => e.text);

/** The checks every chart must pass: well-formed, accessible, self-contained. */
function checkChart(svg: string): XmlElement {
  const root = parseXml(svg);
  expect(root.name).toBe('svg');
  expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
  expect(root.attrs.role).toBe('img');
  expect(root.attrs.viewBox).toMatch(/^0 0 \d+ \d+$/);
  const [titleId, descId] = root.attrs['aria-labelledby'].split(' ');
  expect(root.children[0]).toMatchObject({ name: 'title', attrs: { id: titleId } });
  expect(root.children[1]).toMatchObject({ name: 'desc', attrs: { id: descId } });
  expect(root.children[0].text.length).toBeGreaterThan(3);
  // nothing fetched: no images, links, external fonts, CSS or scripts
  expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(
    /https?:|url\(|href|@import|@font-face/,
  );
  expect(by(root, (e) => ['image', 'use', 'style', 'script', 'foreignObject', 'a'].includes(e.name))).toEqual(
    [],
  );
  // explicit colours only: every fill and stroke is a hex colour or none
  for (const e of allElements(root))
    for (const key of ['fill', 'stroke'])
      if (key in e.attrs) expect(e.attrs[key]).toMatch(/^(#[0-9a-f]{6}|none)$/);
  return root;
}

describe('the XML checker used by these tests', () => {
  it.each([
    ['<a><b></a>', /does not close/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a>&foo;</a>', /unknown entity/],
    ['<a>1 < 2</a>', /bad element name/],
    ['<a>fish & chips</a>', /bare '&'/],
    ['<a x=1/>', /bad attribute/],
    ['<a x="<"/>', /'<' in an attribute/],
    ['<a/><b/>', /second root/],
    ['<a>\u0001</a>', /not allowed/],
    ['<a>&#1;</a>', /not an XML character/],
    ['<a>', /never closed/],
    ['<a x="1"y="2"/>', /whitespace/],
    ['<!DOCTYPE a><a/>', /unsupported/],
    ['text', /outside the root/],
  ])('rejects %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('accepts and decodes well-formed XML', () => {
    const root = parseXml(
      `<?xml version="1.0"?><a k='&lt;&amp;&quot;'><!-- c --><b>x &#x1F6B0; &#60;</b></a>`,
    );
    expect(root.attrs.k).toBe('<&"');
    expect(root.children[0].text).toBe('x 🚰 <');
  });
});

describe('escapeXml and truncate', () => {
  it('escapes markup and quotes and replaces characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(escapeXml('bell\u0007 lone\uD800 pair🚰 tab\t')).toBe('bell\uFFFD lone\uFFFD pair🚰 tab\t');
  });
  it('cuts at code points, never inside an emoji', () => {
    expect(truncate('🚰🚰🚰🚰', 3)).toBe('🚰🚰…');
    expect(truncate('  short\n name ', 20)).toBe('short name');
  });
});

describe('slChartSvg', () => {
  it('draws SL-T and SL-A as seven pairs of bars labelled FR1..FR7 with their abbreviations', () => {
    const root = checkChart(slChartSvg('Control zone', T, A));
    const target = by(root, (e) => e.attrs['data-series'] === 'target');
    const achieved = by(root, (e) => e.attrs['data-series'] === 'achieved');
    expect(target.map((e) => e.attrs['data-fr'])).toEqual([...FRS]);
    expect(achieved.map((e) => e.attrs['data-fr'])).toEqual([...FRS]);
    const labels = texts(root);
    for (const fr of FRS) {
      expect(labels).toContain(fr);
      expect(labels).toContain(FR_ABBREV[fr]);
    }
    for (const l of ['SL0', 'SL1', 'SL2', 'SL3', 'SL4']) expect(labels).toContain(l);
  });

  it('makes bar heights proportional to the level and colours SL-A by the gap', () => {
    const root = parseXml(slChartSvg('Z', T, A));
    const h = (series: string, fr: string) =>
      Number(by(root, (e) => e.attrs['data-series'] === series && e.attrs['data-fr'] === fr)[0].attrs.height);
    const unit = h('achieved', 'FR1') / 2;
    expect(unit).toBeGreaterThan(20);
    for (const fr of FRS) expect(h('achieved', fr)).toBe(A[fr] * unit);
    // the outline bar is inset by its stroke, so compare levels, not pixels
    for (const fr of FRS) expect(Math.round(h('target', fr) / unit)).toBe(T[fr]);
    const fill = (fr: string) =>
      by(root, (e) => e.attrs['data-series'] === 'achieved' && e.attrs['data-fr'] === fr)[0].attrs.fill;
    const p = PALETTES.light;
    expect(fill('FR1')).toBe(p.result.met.solid); // 2 of 2
    expect(fill('FR4')).toBe(p.result.met.solid); // 4 of 1: above target is fine
    expect(fill('FR2')).toBe(p.gap[1].solid);
    expect(fill('FR3')).toBe(p.gap[3].solid);
    expect(fill('FR5')).toBe(p.gap[3].solid);
  });

  it('tells a screen reader every FR, target, achieved level and gap', () => {
    const root = parseXml(slChartSvg('Control zone', T, A));
    expect(root.children[0].text).toBe('Control zone: SL-T vs SL-A');
    const desc = root.children[1].text;
    expect(desc).toContain('FR3 System integrity (SI): target 3, achieved 0, gap 3');
    expect(desc).toContain('FR4 Data confidentiality (DC): target 1, achieved 4;');
  });

  it('escapes the zone name everywhere it appears and keeps the document well-formed', () => {
    const svg = slChartSvg(NASTY, T, A);
    const root = checkChart(svg);
    expect(svg).not.toContain('<script');
    expect(root.children[0].text).toBe(
      `<script>alert("x")</script> & 'Zone' 🚰\uFFFD\uFFFD ]]>: SL-T vs SL-A`,
    );
    expect(texts(root)[0]).toContain('🚰');
  });

  it('works in the dark theme with its own colours and is identical when rendered twice', () => {
    const dark = slChartSvg('Z', T, A, { theme: 'dark' });
    const root = checkChart(dark);
    expect(root.children[2].attrs.fill).toBe(PALETTES.dark.surface);
    expect(dark).not.toContain(PALETTES.light.result.met.solid);
    expect(slChartSvg('Z', T, A)).toBe(slChartSvg('Z', T, A));
    expect(parseXml(slChartSvg('Z', T, A, { id: 'zone-1' })).attrs['aria-labelledby']).toBe(
      'zone-1-title zone-1-desc',
    );
    expect(parseXml(slChartSvg('Y', T, A)).attrs['aria-labelledby']).not.toBe(
      parseXml(slChartSvg('Z', T, A)).attrs['aria-labelledby'],
    );
  });

  it('handles all-zero and all-four vectors', () => {
    for (const [t, a] of [
      [uniformSl(0), uniformSl(0)],
      [uniformSl(4), uniformSl(4)],
      [uniformSl(4), uniformSl(0)],
    ])
      checkChart(slChartSvg('Z', t, a));
  });
});

describe('maturityChartSvg', () => {
  it('draws one bar per SPE that is not N/A, a target line and every SPE label', () => {
    const root = checkChart(maturityChartSvg(MATURITY, 3));
    const bars = by(root, (e) => e.attrs['data-series'] === 'maturity');
    expect(bars.map((e) => e.attrs['data-spe'])).toEqual(SPES.filter((s) => MATURITY[s] !== null));
    expect(by(root, (e) => e.name === 'line' && e.attrs['data-series'] === 'target')).toHaveLength(1);
    const labels = texts(root);
    for (const spe of SPES) expect(labels).toContain(spe);
    expect(labels).toContain('not applicable');
    const width = (spe: string) => Number(bars.find((b) => b.attrs['data-spe'] === spe)!.attrs.width);
    expect(width('CM')).toBe(0);
    expect(width('COMP')).toBe(4 * width('USER'));
    const p = PALETTES.light;
    const fill = (spe: string) => bars.find((b) => b.attrs['data-spe'] === spe)!.attrs.fill;
    expect(fill('NET')).toBe(p.result.met.solid);
    expect(fill('COMP')).toBe(p.result.met.solid);
    expect(fill('ORG')).toBe(p.gap[1].solid);
    expect(fill('USER')).toBe(p.gap[2].solid);
    expect(fill('CM')).toBe(p.gap[3].solid);
  });

  it('puts the target line at the target level', () => {
    const root = parseXml(maturityChartSvg(MATURITY, 3));
    const line = by(root, (e) => e.attrs['data-series'] === 'target')[0];
    const bar = by(root, (e) => e.attrs['data-spe'] === 'NET')[0];
    // NET is at ML3 = target: its bar ends where the line stands
    expect(Number(line.attrs.x1)).toBe(Number(bar.attrs.x) + Number(bar.attrs.width));
    expect(root.children[1].text).toContain(
      'CM Configuration management: ML0 Not implemented, 3 below target',
    );
    checkChart(maturityChartSvg(MATURITY, 1, { theme: 'dark', title: 'A & B <org>' }));
  });
});

describe('gapHeatmapSvg', () => {
  it('draws one cell per zone and FR, coloured by the gap, with the number in it', () => {
    const rows = [
      { name: 'Control <A>', gap: { FR1: 0, FR2: 1, FR3: 2, FR4: 3, FR5: 4, FR6: 0, FR7: 0 } as SlVector },
      { name: 'DMZ 🚧', gap: uniformSl(0) },
    ];
    const root = checkChart(gapHeatmapSvg(rows));
    const cells = by(root, (e) => 'data-cell' in e.attrs);
    expect(cells).toHaveLength(14);
    const p = PALETTES.light;
    const fill = (id: string) => cells.find((c) => c.attrs['data-cell'] === id)!.attrs.fill;
    expect(fill('0-FR1')).toBe(p.gap[0].tint);
    expect(fill('0-FR2')).toBe(p.gap[1].tint);
    expect(fill('0-FR3')).toBe(p.gap[2].tint);
    expect(fill('0-FR4')).toBe(p.gap[3].tint);
    expect(fill('0-FR5')).toBe(p.gap[3].tint);
    const labels = texts(root);
    expect(labels).toContain('Control <A>');
    expect(labels).toContain('DMZ 🚧');
    for (const fr of FRS) expect(labels).toContain(fr);
  });

  it('says so when there are no zones', () => {
    const root = checkChart(gapHeatmapSvg([], { theme: 'dark' }));
    expect(texts(root)).toContain('No zones yet.');
  });
});
