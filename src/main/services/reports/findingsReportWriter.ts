import type { Writable } from 'node:stream';
import { findingsReportDoc } from './findingsReportDoc';
import { configurePdfmake } from './pdfFonts';
import type { ReportInput } from './reportInput';
import { loadPdfmake } from './reportLibraries';

/** Lays out the report and streams the PDF into `out`, resolving once `out` has everything. */
export async function writeFindingsReport(input: ReportInput, out: Writable): Promise<void> {
  const pdfmake = await loadPdfmake();
  configurePdfmake(pdfmake);
  const doc = await findingsReportDoc(input);
  const pdf = await pdfmake.createPdf(doc).getStream();
  await new Promise<void>((resolve, reject) => {
    out.once('finish', resolve);
    pdf.once('error', reject);
    pdf.pipe(out);
    pdf.end();
  });
}
