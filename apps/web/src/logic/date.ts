/**
 * A date for the page: 2023-06-30 → "30/06/2023" (vi) or "30 Jun 2023" (en); an unreadable date is shown as given.
 *
 * @example formatDate('2023-06-30', 'vi') // '30/06/2023'
 */
export function formatDate(iso: string, lang: 'vi' | 'en'): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: lang === 'vi' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}
