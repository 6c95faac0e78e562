import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import type { Role } from '../api/contract'

/** Who is acting: the signed-in operator, or the command line's system operator. */
export interface Actor {
  id: string | null
  name: string
  role: Role
}

/** What every service call receives: the database (a transaction inside `inTransaction`), the actor, the PC. */
export interface ServiceContext {
  db: Kysely<Database>
  actor: Actor
  host: string
  now: () => Date
}
