// The built-in plugins the standalone server loads. Core never imports this file; the CLI and hosts do.
import type { AreaDescriptor } from 'yunzhou/plugin';
import { webhooksPlugin } from './webhooks/index.js';
import { importExportPlugin } from './import-export/index.js';
import { notificationsPlugin, workbenchSignInPlugin } from './notify-channels/index.js';

export function builtInPlugins(): AreaDescriptor[] {
  return [webhooksPlugin(), importExportPlugin(), workbenchSignInPlugin(), notificationsPlugin()];
}
