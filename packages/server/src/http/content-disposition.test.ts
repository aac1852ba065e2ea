import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition.ts";

describe("contentDisposition", () => {
  it("quotes a plain name and repeats it as filename*", () => {
    expect(contentDisposition("notes.md")).toBe(`attachment; filename="notes.md"; filename*=UTF-8''notes.md`);
  });

  it("keeps quotes, control characters and non-ASCII out of the quoted fallback", () => {
    const header = contentDisposition('résumé "final"\r\n(1).pdf');
    expect(header).toBe(
      `attachment; filename="r_sum_ _final___(1).pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22final%22%0D%0A%281%29.pdf`,
    );
    expect(header).not.toMatch(/[\r\n]/);
  });
});
