// The probe plugin of the multi-process tests: an exclusive job every second and two subscribers of
// `probe.many`, each reporting what it did through `say`.
import { definePlugin } from '../../../plugin.js';

export const probePlugin = (say: (line: string) => void) => definePlugin({
  name: 'probe',
  setup: () => ({
    jobs: [{ name: 'tick', everySeconds: 1, run: async (slot: Date) => { say(`ran ${slot.toISOString()}`); } }],
    subscribers: [1, 2].map((n) => ({
      events: ['probe.many'],
      handle: async (e: { id: number }) => { say(`delivered ${n} ${e.id}`); },
    })),
  }),
});
