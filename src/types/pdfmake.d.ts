// The part of pdfmake 0.3's server API Zonewalk uses (the package ships no typings).
declare module 'pdfmake' {
  import type { Readable } from 'node:stream';

  export interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }

  /** pdfkit's document: a readable stream that ends once `end()` is called. */
  export type PdfStream = Readable & { end(): void };

  export interface OutputDocument {
    getStream(): Promise<PdfStream>;
    getBuffer(): Promise<Buffer>;
    write(filename: string): Promise<void>;
  }

  export interface PdfMake {
    setFonts(fonts: Record<string, FontFiles>): void;
    addFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(callback: ((url: string) => boolean) | undefined): void;
    setLocalAccessPolicy(callback: ((path: string) => boolean) | undefined): void;
    setProgressCallback(callback: ((progress: number) => void) | undefined): void;
    createPdf(docDefinition: object, options?: object): OutputDocument;
  }

  const pdfmake: PdfMake;
  export default pdfmake;
}
