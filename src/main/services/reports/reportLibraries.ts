import type ExcelJS from 'exceljs';
import type pdfmake from 'pdfmake';

// ExcelJS and pdfmake are loaded on first use, not with the app: together they are about 60 MB of
// code and tables that most commands and the window's start never need. A package export renders
// the PDF before ExcelJS is loaded, so the two never weigh on the process's peak at once.

let excel: Promise<typeof ExcelJS> | undefined;
let pdf: Promise<typeof pdfmake> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
}

export function loadPdfmake(): Promise<typeof pdfmake> {
  pdf ??= import('pdfmake').then((m) => m.default);
  return pdf;
}
