import { v5 as uuidv5, v7 as uuidv7 } from 'uuid'

/** A new globally unique, time-ordered id (UUIDv7): branch databases can be merged without collisions. */
export function newId(): string {
  return uuidv7()
}

const SHIPPED_NAMESPACE = '6f1c0d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f'

/** The same id in every database for a shipped default row (tier A, industry "finance"...). */
export function defaultRowId(businessKey: string): string {
  return uuidv5(businessKey, SHIPPED_NAMESPACE)
}
