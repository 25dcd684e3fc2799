// The services the plugin declares (definePlugin's `uses`): resolved for it, typed, nothing else reachable.
import type { PluginServices } from 'yunzhou/plugin';

export const USES = [
  'clock', 'ids', 'inquiries', 'organisation', 'spreadsheets', 'documentCharset', 'inquiryRecords', 'inquirySettings', 'people', 'timeline', 'events',
] as const;

export type Services = Pick<PluginServices, (typeof USES)[number]>;
