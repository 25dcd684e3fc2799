// A PDF sent as it is drawn. pdfkit writes a page's bytes when the page is finished; this stream draws the
// next page only when its reader asks for more, and hands on what pdfkit wrote for it as one chunk. So the
// first page leaves before the last is drawn, a document is never held whole in memory, a reader that stops
// reading stops the drawing, and a long document gives the event loop back between pages.
import { Readable } from 'node:stream';
import type { Drawing } from './canvas.js';

export class PageStream extends Readable {
  private readonly output: Readable;

  /** Draws the first page at once, so that a layout's error on it is thrown here, before any byte is sent. */
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly pages: Drawing,
  ) {
    super();
    this.output = doc as unknown as Readable; // pdfkit's document is a Readable that nobody else reads
    this.drawNext();
  }

  override _read(): void {
    setImmediate(() => {
      if (this.destroyed) return;
      try {
        this.drawNext();
      } catch (e) {
        this.destroy(e as Error);
      }
    });
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.pages.return();
    callback(error);
  }

  /** Draws pages until one gave bytes (a page, or the end of the document), and pushes them. */
  private drawNext(): void {
    for (;;) {
      const done = this.pages.next().done === true;
      if (done) this.doc.end();
      else this.doc.flushPages();
      const bytes = this.output.read() as Buffer | null;
      if (bytes !== null) this.push(bytes);
      if (done) this.push(null);
      if (done || bytes !== null) return;
    }
  }
}
