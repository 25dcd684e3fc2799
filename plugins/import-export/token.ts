// The container token of the plugin's import use cases (the CLI and embedding hosts resolve them by it).
export const ImportExportToken = Symbol.for('yunzhou.plugins.ImportExport');
