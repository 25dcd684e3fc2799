// The embedding facade (crm.inquiries, crm.orders …): every area's `facade` map resolved from the container.
import type { Container } from 'inversify';
import type { AreaDescriptor, FacadeOfAreas } from './area.js';

export function facadeOf<A extends readonly AreaDescriptor[]>(container: Container, areas: A): FacadeOfAreas<A> {
  const out: Record<string, unknown> = {};
  for (const area of areas) {
    for (const [key, t] of Object.entries(area.facade)) {
      if (key in out) throw new Error(`crm.${key} is offered by two areas (the second is ${area.name})`);
      out[key] = container.get(t);
    }
  }
  return out as FacadeOfAreas<A>;
}
