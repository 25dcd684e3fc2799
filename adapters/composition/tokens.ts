// Container tokens of things that are not core ports: the database, configuration, the use case services.
export const Db = Symbol.for('yunzhou.Database');
export const Config = Symbol.for('yunzhou.Config');
export const AuthServiceToken = Symbol.for('yunzhou.AuthService');
export const OrganisationServiceToken = Symbol.for('yunzhou.OrganisationService');
export const PluginRegistry = Symbol.for('yunzhou.PluginRegistry');
export const FilesServiceToken = Symbol.for('yunzhou.FilesService');
/** The SubjectAccessRegistry, for a host or test that registers a subject type after start. */
export const SubjectAccessRegistryToken = Symbol.for('yunzhou.SubjectAccessRegistry');
