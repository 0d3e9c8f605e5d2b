import { ApiRequestError, apiUrl } from '../../api/client';
import i18n from '../../i18n';

export interface ReportRequest {
  plan: string;
  type: 'midterm' | 'annual' | 'final';
  year: number;
  format: 'docx' | 'pdf' | 'xlsx';
  lang: 'vi' | 'en';
}

export interface ReportFile {
  blob: Blob;
  fileName: string;
}

/**
 * The file name a `Content-Disposition: attachment` header gives (the UTF-8 `filename*` form first),
 * or the fallback.
 *
 * @example fileNameOf(`attachment; filename="a.docx"; filename*=UTF-8''b%C3%A1o.docx`, 'x') // 'báo.docx'
 */
export function fileNameOf(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="([^"]+)"/i.exec(header);
  return plain?.[1] ?? fallback;
}

/**
 * Asks the API for a report (`GET /api/plans/{code}/reports/{type}`) and returns the file; an answer
 * other than 2xx throws an ApiRequestError with the API's message in the page language (a 429 or 503
 * says when to try again).
 */
export async function fetchReport(req: ReportRequest, signal?: AbortSignal): Promise<ReportFile> {
  const url = apiUrl(`/plans/${encodeURIComponent(req.plan)}/reports/${req.type}`, {
    year: req.year,
    format: req.format,
    lang: req.lang,
  });
  const res = await fetch(url, {
    headers: { 'accept-language': i18n.language },
    credentials: 'same-origin',
    signal,
  });
  if (!res.ok) {
    let code = 'unknown';
    let message = res.statusText;
    try {
      const body = (await res.json()) as { error?: { code?: string; message?: string } };
      code = body.error?.code ?? code;
      message = body.error?.message ?? message;
    } catch {
      // not JSON: keep the status text
    }
    const retry = res.headers.get('retry-after');
    throw new ApiRequestError(res.status, code, retry ? `${message} (${retryWords(retry)})` : message);
  }
  const blob = await res.blob();
  const fallback = `${req.plan}-${req.type}-${req.year}.${req.format}`;
  return { blob, fileName: fileNameOf(res.headers.get('content-disposition'), fallback) };
}

function retryWords(seconds: string): string {
  return i18n.t('reports.retryAfter', { seconds });
}

/** Hands a file to the browser as a download. */
export function saveFile(file: ReportFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // Let the download start before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
