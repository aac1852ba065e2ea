import { describe, expect, it } from "vitest";
import { parseDocument } from "./parse-document.ts";
import { buildDocx } from "./test-helpers/build-docx.ts";
import { buildPdf } from "./test-helpers/build-pdf.ts";
import { buildZip } from "./test-helpers/build-zip.ts";
import { UnsupportedDocumentError } from "./unsupported-document-error.ts";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function rejection(promise: Promise<unknown>): Promise<UnsupportedDocumentError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(UnsupportedDocumentError);
  return error as UnsupportedDocumentError;
}

describe("parseDocument", () => {
  it("reads a PDF page by page, with page count and title", async () => {
    const bytes = buildPdf({
      title: "Quarterly Report",
      pages: [["Revenue grew (a lot) in Q3.", "Costs were flat."], ["Page two says hello."]],
    });
    const parsed = await parseDocument({ bytes, filename: "report.pdf", contentType: "application/pdf" });
    expect(parsed.format).toBe("pdf");
    expect(parsed.text).toBe("Revenue grew (a lot) in Q3.\nCosts were flat.\n\nPage two says hello.");
    expect(parsed.metadata).toMatchObject({ pageCount: 2, title: "Quarterly Report" });
  });

  it("sniffs a PDF uploaded without type or extension", async () => {
    const bytes = buildPdf({ pages: [["Sniffed."]] });
    const parsed = await parseDocument({
      bytes,
      filename: "upload",
      contentType: "application/octet-stream",
    });
    expect(parsed).toMatchObject({ format: "pdf", text: "Sniffed." });
  });

  it("rejects a damaged PDF with a readable message", async () => {
    const bytes = utf8("%PDF-1.7\n1 0 obj\n<< /Type /Catalog \ngarbage without xref");
    const error = await rejection(parseDocument({ bytes, filename: "x.pdf" }));
    expect(error.message).toMatch(/^Cannot read 'x\.pdf': the PDF is damaged \(.+\)$/);
    expect(error.kind).toBe("unprocessable");
  });

  it("rejects a truncated PDF", async () => {
    const full = buildPdf({ pages: [["Some text that will be cut off."]] });
    const error = await rejection(parseDocument({ bytes: full.subarray(0, 40), filename: "cut.pdf" }));
    expect(error.message).toMatch(/^Cannot read 'cut\.pdf': the PDF/);
  });

  it("reads a DOCX, sniffed even when named .txt", async () => {
    const bytes = buildDocx(["First paragraph.", "Second & <last> paragraph."]);
    const parsed = await parseDocument({ bytes, filename: "notes.docx" });
    expect(parsed).toMatchObject({ format: "docx", text: "First paragraph.\n\nSecond & <last> paragraph." });
    const misnamed = await parseDocument({ bytes, filename: "notes.txt", contentType: "text/plain" });
    expect(misnamed.format).toBe("docx");
  });

  it("rejects a zip that is not a Word document", async () => {
    const bytes = buildZip({ "word/document.xml": "<not-really/>" });
    const error = await rejection(parseDocument({ bytes, filename: "broken.docx" }));
    expect(error.message).toMatch(/^Cannot read 'broken\.docx': the DOCX is damaged \(.+\)$/);
  });

  it("turns HTML into readable text", async () => {
    const html = `<!doctype html><html><head><title>My  Page</title>
      <style>body { color: red }</style><script>alert("x < y")</script></head>
      <body><h1>Caf&eacute; &amp; Bar</h1><p>Open   daily,
      9&ndash;5.&nbsp;Welcome!</p><ul><li>Coffee</li><li>Tea &lt;hot&gt;</li></ul>
      <table><tr><th>Item</th><th>Price</th></tr><tr><td>Latte</td><td>&#8364;3</td></tr></table>
      <pre>  indented
    code</pre><noscript>enable js</noscript></body></html>`;
    const parsed = await parseDocument({ bytes: utf8(html), filename: "page.html" });
    expect(parsed.format).toBe("html");
    expect(parsed.metadata).toEqual({ title: "My Page" });
    expect(parsed.text).toBe(
      [
        "Café & Bar",
        "",
        "Open daily, 9–5. Welcome!",
        "",
        "- Coffee",
        "- Tea <hot>",
        "",
        "Item | Price",
        "Latte | €3",
        "",
        "  indented\n    code",
      ].join("\n"),
    );
  });

  it("writes each CSV row as header: value pairs", async () => {
    const csv = 'name,city,note\r\nAlice,"Paris, France","said ""hi"""\r\nBob,Oslo,\r\n';
    const parsed = await parseDocument({ bytes: utf8(csv), filename: "people.csv", contentType: "text/csv" });
    expect(parsed.text).toBe('name: Alice; city: Paris, France; note: said "hi"\nname: Bob; city: Oslo');
    expect(parsed.metadata).toEqual({ rowCount: 2, columns: ["name", "city", "note"] });
  });

  it("detects a tab-separated file", async () => {
    const parsed = await parseDocument({ bytes: utf8("a\tb\n1\t2, 3\n"), filename: "data.tsv" });
    expect(parsed).toMatchObject({ format: "csv", text: "a: 1; b: 2, 3" });
  });

  it("rejects a CSV with an unclosed quote", async () => {
    const error = await rejection(parseDocument({ bytes: utf8('a,b\n1,"open\n'), filename: "bad.csv" }));
    expect(error.message).toMatch(/^Cannot read 'bad\.csv': the CSV is malformed/);
  });

  it("flattens nested JSON into path: value lines", async () => {
    const json = JSON.stringify({
      order: {
        id: 7,
        items: [
          { sku: "A-1", qty: 2 },
          { sku: "B-2", tags: [] },
        ],
        "ship to": "Line 1\nLine 2",
      },
      paid: true,
      note: null,
    });
    const parsed = await parseDocument({ bytes: utf8(json), filename: "order.json" });
    expect(parsed.format).toBe("json");
    expect(parsed.text).toBe(
      [
        "order.id: 7",
        "order.items[0].sku: A-1",
        "order.items[0].qty: 2",
        "order.items[1].sku: B-2",
        "order.items[1].tags: []",
        'order["ship to"]: Line 1 Line 2',
        "paid: true",
        "note: null",
      ].join("\n"),
    );
  });

  it("rejects invalid JSON", async () => {
    const error = await rejection(parseDocument({ bytes: utf8("{oops"), filename: "x.json" }));
    expect(error.message).toMatch(/^Cannot read 'x\.json': the JSON is invalid \(.+\)$/);
  });

  it("reads Markdown with a BOM and CRLF line endings", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("# Guide\r\n\r\nStep one.\r\n")]);
    const parsed = await parseDocument({ bytes, filename: "guide.md" });
    expect(parsed).toEqual({
      format: "markdown",
      text: "# Guide\n\nStep one.\n",
      metadata: { title: "Guide" },
    });
  });

  it("decodes UTF-16 text with a BOM", async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("héllo", "utf16le")]);
    const parsed = await parseDocument({ bytes, filename: "notes" });
    expect(parsed).toMatchObject({ format: "text", text: "héllo" });
  });

  it("treats unknown text files (source code) as text", async () => {
    const parsed = await parseDocument({ bytes: utf8("def f():\n    return 1\n"), filename: "f.py" });
    expect(parsed.format).toBe("text");
  });

  it("rejects a PNG as an unsupported type", async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    const error = await rejection(
      parseDocument({ bytes: png, filename: "photo.png", contentType: "image/png" }),
    );
    expect(error.message).toBe(
      "Unsupported file type 'image/png' ('photo.png'); supported: txt, md, html, pdf, docx, csv, json",
    );
    const untyped = await rejection(parseDocument({ bytes: png, filename: "photo.png" }));
    expect(untyped.message).toMatch(/^Unsupported file type '\.png' \('photo\.png'\)/);
  });

  it("rejects binary garbage claimed to be text", async () => {
    const bytes = new Uint8Array([0x48, 0x69, 0x00, 0x01, 0xff, 0xfe, 0x80]);
    const error = await rejection(parseDocument({ bytes, filename: "x.txt", contentType: "text/plain" }));
    expect(error.message).toBe("Cannot read 'x.txt': the file is not valid UTF-8 text");
    const nul = await rejection(parseDocument({ bytes: utf8("ab\u0000cd"), filename: "y.txt" }));
    expect(nul.message).toBe("Cannot read 'y.txt': the file contains binary data, not text");
  });

  it("honours a declared charset", async () => {
    const bytes = new Uint8Array(Buffer.from("café", "latin1"));
    const parsed = await parseDocument({
      bytes,
      filename: "a.txt",
      contentType: "text/plain; charset=ISO-8859-1",
    });
    expect(parsed.text).toBe("café");
  });
});
