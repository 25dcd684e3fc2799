// An instant as the person reads it, in their language (empty when there is none yet: 办理时间 of an open task).
export function when(at: string | null | undefined, locale: string): string {
  return at ? new Date(at).toLocaleString(locale === 'en' ? 'en' : 'zh-CN', { hour12: false }) : '';
}
