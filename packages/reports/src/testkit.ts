/** Test helpers (not built): the demo plan file, DOCX/XLSX unpacking, paragraph text. */
import { fileURLToPath } from 'node:url';
import type { PlanData } from '@chitieu/core';
import { readPlanFile } from '@chitieu/plan-file';
import JSZip from 'jszip';

export const DEMO = fileURLToPath(new URL('../../../demo/thi-xa-demo.yaml', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/reports/', import.meta.url));

let demo: Promise<PlanData> | null = null;

/** The demo plan file, read once through the real plan-file reader. */
export function demoData(): Promise<PlanData> {
  demo ??= readPlanFile(DEMO).then((r) => {
    if (!r.ok) throw new Error(`demo plan file invalid: ${JSON.stringify(r.problems)}`);
    return r.data as PlanData;
  });
  return demo;
}

/** Every file of a DOCX/XLSX package as text (media as byte counts). */
export async function unzip(
  bytes: Uint8Array,
): Promise<{ text: Map<string, string>; media: Map<string, Uint8Array> }> {
  const zip = await JSZip.loadAsync(bytes);
  const text = new Map<string, string>();
  const media = new Map<string, Uint8Array>();
  for (const [name, file] of Object.entries(zip.files)) {
    if (file.dir) continue;
    if (/\.(xml|rels)$/.test(name)) text.set(name, await file.async('string'));
    else media.set(name, await file.async('uint8array'));
  }
  return { text, media };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Each paragraph of a WordprocessingML part as { style, text }, runs joined; NBSP read as a space. */
export function paragraphs(xml: string): { style: string | null; text: string }[] {
  const out: { style: string | null; text: string }[] = [];
  for (const m of xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)) {
    const p = m[0];
    const style = /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null;
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join('');
    out.push({ style, text: text.replace(/\u00A0/g, ' ') });
  }
  return out;
}
