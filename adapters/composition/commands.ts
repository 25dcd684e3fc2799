// The `yunzhou` commands the areas and plugin descriptors contribute, read without opening a database (for
// `yunzhou help`): a command resolves the services it uses when it runs, not when it is bound.
import { Container } from 'inversify';
import { CommandContribution, type AreaDescriptor } from './area.js';
import { AREAS } from './create-crm.js';

export function contributedCommands(plugins: readonly object[] = []): CommandContribution[] {
  const container = new Container({ defaultScope: 'Singleton' });
  const descriptors = plugins.filter((p): p is AreaDescriptor => 'module' in p);
  container.load(...[...AREAS, ...descriptors].map((a) => a.module));
  return container.getAll<CommandContribution>(CommandContribution, { optional: true });
}
