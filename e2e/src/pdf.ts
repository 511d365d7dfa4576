import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of a PDF, page by page, as pdf.js reads it (what a reader could search or copy). */
export async function pdfText(data: Uint8Array): Promise<string> {
  return (await pdfPages(data)).map((lines) => lines.join(' ')).join('\n')
}

/** Each page's lines of text, top to bottom (pieces at one height make one line). */
export async function pdfPages(data: Uint8Array): Promise<string[][]> {
  const pdf = await getDocument({ data, useSystemFonts: false }).promise
  const pages: string[][] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const content = await page.getTextContent()
    const lines = new Map<number, string[]>()
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue
      // PDF's y grows upwards; the line's baseline, rounded against sub-point jitter.
      const y = Math.round(item.transform[5] ?? 0)
      lines.set(y, [...(lines.get(y) ?? []), item.str])
    }
    pages.push([...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, parts]) => parts.join(' ')))
  }
  await pdf.destroy()
  return pages
}
