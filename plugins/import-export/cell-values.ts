// What people write in the cells of an import, read into what the 新建咨询 form takes: 男/女 into the gender
// code, "A类 高价值" into the level code, "2026/12/1 10:00" or an Excel date into an instant in the firm's zone.
import { instantOfLocal, isLocalDateText, type InquirySettings } from 'yunzhou/plugin';

/** 男 / 女 (and the words and letters people use for them) as the form's gender code; anything else as written. */
export function genderOf(text: string): string {
  const t = text.trim().toLowerCase();
  if (['男', '男性', '先生', 'm', 'male'].includes(t)) return 'male';
  if (['女', '女性', '女士', 'f', 'female'].includes(t)) return 'female';
  return text.trim();
}

/** A level by its code (A), its label (A类, A类 高价值, A级) or its name (高价值); anything else as written. */
export function levelOf(text: string, levels: InquirySettings['grading']['levels']): string {
  const t = text.normalize('NFKC').trim();
  const compact = t.replace(/\s+/g, '');
  for (const l of levels) {
    const code = l.code.toUpperCase();
    const candidates = [code, `${code}类`, `${code}级`, `${code}类${l.name}`, `${code}级${l.name}`, l.name];
    if (candidates.some((c) => c.toUpperCase() === compact.toUpperCase())) return l.code;
  }
  return t;
}

const LOCAL = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})\s*[:：时点]\s*(\d{1,2})?\s*(?:[:：分]\s*(\d{1,2})\s*秒?)?\s*分?)?$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const EXCEL_SERIAL = /^\d{5}(\.\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * A cell of 下次跟进时间 as an instant: a wall-clock time in the firm's zone (2026-12-01 10:00, 2026/12/1 10:00,
 * 2026年12月1日 10点, or an Excel date serial), a date alone at the start of the working day, or an ISO time
 * with its own offset. Blank: undefined (the level's interval fills it in). Unreadable: an invalid Date, which
 * the form's rule reports as a bad time.
 */
export function instantOf(text: string, zone: string, dayStart = '09:00'): Date | undefined {
  // Files repeat the same times on many rows, and reading a zone's clock is the slow part: remember them.
  const key = `${zone}|${dayStart}|${text}`;
  const known = memo.get(key);
  if (known !== undefined) return new Date(known);
  const d = readInstant(text, zone, dayStart);
  if (d) {
    if (memo.size >= 10_000) memo.clear();
    memo.set(key, d.getTime());
  }
  return d;
}

const memo = new Map<string, number>();

function readInstant(text: string, zone: string, dayStart: string): Date | undefined {
  const t = text.normalize('NFKC').trim();
  if (!t) return undefined;
  if (WITH_ZONE.test(t)) return new Date(t);
  let y: number, mo: number, d: number, h: number, mi: number, s: number;
  if (EXCEL_SERIAL.test(t)) {
    // Days since 1899-12-30 with the time of day as the fraction: the wall clock the sheet showed.
    const wall = new Date(EXCEL_EPOCH_MS + Math.round(Number(t) * 86_400_000));
    [y, mo, d, h, mi, s] = [wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate(), wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
  } else {
    const m = LOCAL.exec(t);
    if (!m) return new Date(NaN);
    const [dh, dm] = dayStart.split(':').map(Number) as [number, number];
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    [h, mi, s] = m[4] === undefined ? [dh, dm, 0] : [Number(m[4]), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  }
  if (!isLocalDateText(`${y}-${pad(mo)}-${pad(d)}`) || h > 23 || mi > 59 || s > 59) return new Date(NaN);
  return instantOfLocal({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, zone);
}

/**
 * An Excel date cell (exceljs reads it as the wall clock written as UTC) as text the import reads back; a
 * date without a time of day (midnight) stays a date, so it means the start of the working day.
 */
export function excelDateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0) return date;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
