/** Options for {@link buildPdf}; each page is a list of text lines. */
export interface BuildPdfOptions {
  pages: string[][];
  title?: string;
}

/**
 * A real, minimal PDF with one Helvetica text object per page and a correct cross-reference
 * table, so tests exercise pdfjs on genuine bytes instead of a downloaded fixture.
 */
export function buildPdf(options: BuildPdfOptions): Uint8Array {
  const pageCount = options.pages.length;
  const fontId = 3;
  const infoId = 4;
  const firstPageId = 5;
  const pageIds = options.pages.map((_, index) => firstPageId + index * 2);
  const objects = new Map<number, string>();
  objects.set(1, "<< /Type /Catalog /Pages 2 0 R >>");
  objects.set(
    2,
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageCount} >>`,
  );
  objects.set(fontId, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  objects.set(infoId, `<< /Title (${escapePdfString(options.title ?? "")}) /Producer (buildPdf) >>`);
  options.pages.forEach((lines, index) => {
    const pageId = pageIds[index]!;
    const content = lines
      .map((line, lineIndex) => `BT /F1 12 Tf 72 ${720 - lineIndex * 16} Td (${escapePdfString(line)}) Tj ET`)
      .join("\n");
    objects.set(
      pageId,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${pageId + 1} 0 R >>`,
    );
    objects.set(pageId + 1, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });

  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  const size = objects.size + 1;
  for (let id = 1; id < size; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects.get(id)}\nendobj\n`;
  }
  const xrefOffset = body.length;
  body += `xref\n0 ${size}\n0000000000 65535 f \n`;
  for (let id = 1; id < size; id++) body += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${size} /Root 1 0 R /Info ${infoId} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Latin-1 so that byte offsets equal string offsets.
  return new Uint8Array(Buffer.from(body, "latin1"));
}

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (character) => `\\${character}`);
}
