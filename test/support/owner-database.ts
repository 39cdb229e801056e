import { Client } from 'pg';

/**
 * A connection as the schema's owner (DATABASE_MIGRATION_URL when set), for what the
 * application's role may not do: adding a test trigger, probing the audit log's own trigger.
 */
export async function ownerDatabase(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL });
  await client.connect();
  return client;
}
