// The `yunzhou` commands the areas and plugin descriptors contribute, read without opening a database (for
// `yunzhou help`): a core area's command resolves the services it uses when it runs, not when it is bound. A
// plugin whose commands cannot be read so (they wait for the assembled application) is left out of the list.
import { Container, type ContainerModule } from 'inversify';
import { CommandContribution, type AreaDescriptor } from './area.js';
import { AREAS } from './create-crm.js';

function commandsOf(modules: readonly ContainerModule[]): CommandContribution[] {
  const container = new Container({ defaultScope: 'Singleton' });
  container.load(...modules);
  return container.getAll<CommandContribution>(CommandContribution, { optional: true });
}

export function contributedCommands(plugins: readonly AreaDescriptor[] = []): CommandContribution[] {
  const core = commandsOf(AREAS.map((a) => a.module));
  const names = new Set(core.map((c) => c.name));
  const more = plugins.flatMap((p) => {
    try {
      return commandsOf([...AREAS.map((a) => a.module), p.module]).filter((c) => !names.has(c.name));
    } catch {
      return [];
    }
  });
  return [...core, ...more];
}
