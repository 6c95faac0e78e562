import { v7 as uuidv7 } from 'uuid'

/** A small seeded PRNG (mulberry32): the same seed gives the same demo database on every machine. */
export class Random {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, weight]) => sum + weight, 0)
    let roll = this.next() * total
    for (const [value, weight] of choices) {
      roll -= weight
      if (roll < 0) return value
    }
    return choices.at(-1)![0]
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  digits(count: number): string {
    let text = ''
    for (let i = 0; i < count; i++) text += String(this.int(0, 9))
    return text
  }

  /** A UUIDv7 for a row created at `at`, from this generator: the demo's ids are the same on every run. */
  uuid(at: string): string {
    const bytes = Uint8Array.from({ length: 16 }, () => this.int(0, 255))
    return uuidv7({ msecs: Date.parse(at), random: bytes })
  }
}
