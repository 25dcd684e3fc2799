// An area (or a plugin) as a descriptor: one ContainerModule that binds its services and its contributions,
// and the part of the embedding facade it offers. The composition root loads the descriptors it is given and
// collects every contribution through Inversify multi-bindings; nothing registers itself on import.
import type { ContainerModule } from 'inversify';
import type { RouteDef } from './route-def.js';
import type { Migration } from '../knex/migrator.js';

/** A container token that carries the type it resolves to, so the facade can be typed from descriptors. */
export type Token<T> = symbol & { readonly __resolves?: T };

/** A token named `yunzhou.<name>`; Symbol.for, so two copies of the package agree on it. */
export function token<T>(name: string): Token<T> {
  return Symbol.for(`yunzhou.${name}`) as Token<T>;
}

/** What an area adds to the embedding facade: `crm.<key>` is the service its token resolves to. */
export type FacadeTokens = Readonly<Record<string, Token<unknown>>>;

export type FacadeOf<F extends FacadeTokens> = { readonly [K in keyof F]: F[K] extends Token<infer S> ? S : never };

export interface AreaDescriptor<F extends FacadeTokens = FacadeTokens> {
  /** The area's name ('inquiries'); a plugin's routes are mounted under /api/v1/plugins/<name>. */
  readonly name: string;
  /** Its bindings: services, and its contributions under the tokens below. */
  readonly module: ContainerModule;
  /** Which services `crm.<key>` exposes to an embedding host. */
  readonly facade: F;
}

/** Keeps a descriptor's facade tokens' types, so `FacadeOfAreas` can type the embedding facade from them. */
export function defineArea<const F extends FacadeTokens>(area: AreaDescriptor<F>): AreaDescriptor<F> {
  return area;
}

type FacadeOfArea<A> = A extends AreaDescriptor<infer F> ? FacadeOf<F> : never;
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The embedding facade of a list of areas: the intersection of each area's `FacadeOf`. */
export type FacadeOfAreas<A extends readonly AreaDescriptor[]> = Intersection<FacadeOfArea<A[number]>>;

/** Routes an area or plugin serves, bound as a multi-binding; prefix is '/api/v1' or '/api/v1/plugins/<name>'. */
export interface RouteContribution {
  readonly owner: string;
  readonly prefix: string;
  readonly routes: readonly RouteDef[];
}
export const RouteContribution = token<RouteContribution>('RouteContribution');

/** The core areas' prefix. */
export const API_PREFIX = '/api/v1';

/** An area's routes under /api/v1. */
export function apiRoutes(owner: string, ...routes: (readonly RouteDef[])[]): RouteContribution {
  return { owner, prefix: API_PREFIX, routes: routes.flat() };
}

/** Migrations with their own history (one history per owner). */
export interface MigrationContribution {
  readonly owner: string;
  readonly migrations: readonly Migration[];
}
export const MigrationContribution = token<MigrationContribution>('MigrationContribution');

/** A `yunzhou <name>` command of the CLI. */
export interface CommandContribution {
  readonly name: string;
  /** One line for `yunzhou help`. */
  readonly summary: string;
  /** Runs with the command's arguments (after its name); resolves to the process exit code. */
  run(args: readonly string[], io: CommandIo): Promise<number>;
}
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Rewrites the current line of stderr (a progress bar); the command ends it with err(''). */
  progress?(line: string): void;
}
export const CommandContribution = token<CommandContribution>('CommandContribution');
