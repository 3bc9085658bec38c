import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import { describe, expect, it } from 'vitest';
import { uniformSl } from '../../../src/core/domain';
import { writeAtomically } from '../../../src/main/fsAtomic';
import { writeFindingsReport } from '../../../src/main/services/reports/findingsReportWriter';
import { configurePdfmake, fontRuns, MISSING_GLYPH } from '../../../src/main/services/reports/pdfFonts';
import type { ReportInput } from '../../../src/main/services/reports/reportInput';
import { colouredShare, readPdf, squash } from '../../helpers/pdfRead';
import { makeReportInput, NAMES, sha } from '../../helpers/reportFixture';
import { tempDir } from '../../helpers/workspace';

async function render(input: ReportInput) {
  const file = path.join(tempDir(), 'report.pdf');
  await writeAtomically(file, 'the findings report', (out) => writeFindingsReport(input, out));
  return { file, pdf: await readPdf(file) };
}

/** The text as the report draws it: characters no bundled font has become U+FFFD. */
function drawn(s: string): string {
  return squash(
    fontRuns(s)
      .map((r) => r.text)
      .join(''),
  );
}

function pageWith(pages: string[], text: string): number {
  return pages.findIndex((p) => squash(p).includes(squash(text))) + 1;
}

describe('findings report', () => {
  it('names every zone and finding, shows the counts, and passes qpdf --check', async () => {
    const input = makeReportInput({ zones: 4, gaps: 60, findings: 6 });
    const { file, pdf } = await render(input);
    const all = squash(pdf.pages.join('\n'));
    for (const z of input.model.zones) expect(all, z.name).toContain(drawn(z.name));
    for (const f of input.model.findings) expect(all, f.title).toContain(drawn(f.title));
    expect(all).toContain(squash('Counts by severity: 6 findings, 60 gaps'));
    expect(all).toContain(squash('The checklists show 60 requirements'));
    for (const heading of [
      'Contents',
      'Executive summary',
      'The three most important things to fix',
      'Zones and conduits',
      'Appendix',
      'Evidence index',
    ])
      expect(all).toContain(squash(heading));
    for (const e of input.evidence) expect(all).toContain(e.sha256.slice(0, 32));
    expect(all).toContain(input.signer!.fingerprint);
    expect(pdf.pages[1]).toMatch(/Page 2 of \d+/);
    expect(pdf.pages.at(-1)).toContain('Waterworks Nord 2026');
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors');
    // The linked photo's thumbnail is embedded once and drawn under each finding citing it.
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(2);
    expect(images.length).toBeGreaterThanOrEqual(input.model.findings.length);
    expect(images[0]).toMatch(/\s64\s+48\s/);
  });

  it('carries title, author, subject, creation date and the PDF/A-2b identification', async () => {
    const { file, pdf } = await render(makeReportInput());
    expect(pdf.info.Title).toBe('Findings report: Waterworks Nord 2026');
    expect(pdf.info.Author).toContain('Ana Kovač');
    expect(String(pdf.info.Subject)).toContain('IEC 62443');
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20261128153000/);
    expect(pdf.xmp).toContain('pdfaid:part');
    expect(pdf.outline).toEqual(
      expect.arrayContaining([
        'Executive summary',
        'Security levels per zone',
        'Enterprise',
        'Findings',
        'Appendix',
      ]),
    );
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/PDF version:\s+1\.7/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    // PDF/A needs every font embedded: no line may say "no" in the emb column.
    for (const line of fonts.split('\n').slice(2).filter(Boolean))
      expect(line).toMatch(/\s+yes\s+yes\s+yes\s+/);
  });

  it('draws the SL chart as coloured vector bars on each zone page', async () => {
    const input = makeReportInput({ zones: 3 });
    const { file, pdf } = await render(input);
    const page = pageWith(pdf.pages, 'Each chart sets the target security level');
    expect(page).toBeGreaterThan(0);
    // The chart sits in the upper half of the page under the heading.
    expect(await colouredShare(file, page, { top: 0.1, height: 0.35 })).toBeGreaterThan(0.01);
    // A page of plain text has next to none.
    expect(
      await colouredShare(file, pageWith(pdf.pages, 'A. Scope'), { top: 0.1, height: 0.35 }),
    ).toBeLessThan(0.002);
  });

  it('renders German, Polish, Turkish and Japanese names as written and degrades emoji visibly', async () => {
    const input = makeReportInput({ zones: 6 });
    const { pdf } = await render(input);
    const all = squash(pdf.pages.join('\n'));
    for (const name of [NAMES.german, NAMES.polish, NAMES.turkish, NAMES.japanese])
      expect(all).toContain(squash(name));
    // 🚰 is in no bundled font: it shows as U+FFFD; ⚠ comes from DejaVu Sans.
    expect(all).toContain(squash(`Pump ${MISSING_GLYPH} station ⚠`));
  });

  it('flows a very long description across pages', async () => {
    const input = makeReportInput({ findings: 2, longComment: true });
    const { pdf } = await render(input);
    const start = pageWith(pdf.pages, 'Ein sehr langer Befund');
    const pagesWithIt = pdf.pages.filter((p) => p.includes('Ein sehr langer Befund')).length;
    expect(start).toBeGreaterThan(0);
    expect(pagesWithIt).toBeGreaterThan(2);
  });

  it("prints docs/scoring.md's method and each overlay's whole SHA-256 in the appendix", async () => {
    const input = makeReportInput({ zones: 1, gaps: 5, findings: 1 });
    const overlaySha = sha('licensed 3-3 text');
    input.catalogVersions = input.catalogVersions.map((c) =>
      c.part === '3-3'
        ? {
            ...c,
            overlay: {
              name: 'ISA licensed',
              version: '2024-1',
              importedAt: '2026-10-01T08:00:00Z',
              sha256: overlaySha,
            },
          }
        : c,
    );
    const { pdf } = await render(input);
    const appendixStart = pageWith(pdf.pages, 'How Zonewalk derives applicability');
    expect(appendixStart).toBeGreaterThan(2);
    const appendix = squash(pdf.pages.slice(appendixStart - 1).join('\n'));
    const md = fs.readFileSync('docs/scoring.md', 'utf8');
    const sections = md
      .split('\n')
      .filter((l) => /^##\s/.test(l))
      .map((l) => l.replace(/^##\s+/, '').replace(/[`*]/g, ''));
    expect(sections.length).toBeGreaterThan(3);
    for (const heading of sections) expect(appendix, heading).toContain(squash(heading));
    expect(appendix).toContain(overlaySha);
  });

  it('lists product certificates with "certified capability not in effect" and firmware findings', async () => {
    const input = makeReportInput({ zones: 1, gaps: 3, findings: 1 });
    const asset = input.model.assets[0];
    asset.certificates = [
      {
        scheme: 'isasecure-csa',
        number: 'ISCI-CSA-0815',
        issuer: 'exida',
        slCapability: uniformSl(2),
        firmware: ['2.8'],
        validFrom: '2024-01-01',
        validTo: '2029-01-01',
      },
    ];
    const scored = input.score.assets.find((a) => a.id === asset.id)!;
    scored.certificateIssues = [
      { kind: 'not-in-effect', certificate: 'ISCI-CSA-0815', fr: 'FR1', requirement: 'CR 1.1' },
      { kind: 'firmware', certificate: 'ISCI-CSA-0815', firmware: '2.9' },
    ];
    const { pdf } = await render(input);
    const all = squash(pdf.pages.join('\n'));
    expect(all).toContain(squash(`${asset.name}: ISASecure CSA ISCI-CSA-0815`));
    expect(all).toContain(
      squash('Certified capability not in effect: CR 1.1 (FR1) is not met as configured.'),
    );
    expect(all).toContain(squash('Firmware 2.9 is not covered by the certificate.'));
  });

  it('says so when there are no zones, no findings and no evidence', async () => {
    const input = makeReportInput({ zones: 0, gaps: 0, findings: 0, evidence: 0 });
    input.model.responses = [];
    const { file, pdf } = await render(input);
    const all = squash(pdf.pages.join('\n'));
    for (const s of [
      'No zones were defined',
      'No findings were recorded in this assessment.',
      'No evidence files were attached to this assessment.',
      'No gaps: every requirement',
      'Nothing to fix was found',
    ])
      expect(all).toContain(squash(s));
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
  });

  it('refuses any URL and any local file but the bundled fonts', async () => {
    configurePdfmake(pdfmake);
    const doc = (image: string) => ({
      content: [{ image: 'x' }],
      images: { x: image },
      defaultStyle: { font: 'Roboto' },
    });
    await expect(pdfmake.createPdf(doc('https://example.com/logo.png')).getBuffer()).rejects.toThrow(
      /denied/,
    );
    await expect(pdfmake.createPdf(doc('/etc/hostname')).getBuffer()).rejects.toThrow(/denied/);
  });

  it('leaves no file behind when writing fails', async () => {
    const dir = tempDir();
    const target = path.join(dir, 'report.pdf');
    const { Writable } = await import('node:stream');
    await expect(
      writeAtomically(target, 'the findings report', (out) => writeFindingsReport(makeReportInput(), out), {
        createStream: () =>
          new Writable({
            write(_c, _e, cb) {
              cb(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
            },
          }),
      }),
    ).rejects.toMatchObject({ code: 'disk-full' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
