// An empty PostgreSQL database beside TEST_DATABASE_URL's, for tests that need a database's whole layout
// to themselves (a host's own tables in public, a database from before yunzhou's schema).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface EmptyPostgres {
  readonly url: string;
  drop(): Promise<void>;
}

async function onServer(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

export async function emptyPostgres(label: string): Promise<EmptyPostgres> {
  const name = `yz_${label}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onServer(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}
