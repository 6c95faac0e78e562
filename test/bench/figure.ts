/** One bench figure: the app's path ("ours") against the least the work could cost ("baseline"). */
export interface Figure<S> {
  name: string
  /** Builds what both sides need (files, hosts, prepared statements); not timed. */
  setup(): Promise<S>
  baseline(state: S): Promise<unknown>
  ours(state: S): Promise<unknown>
  /** Throws when the two sides disagree; returns a line to print about what was compared. */
  check?(state: S): Promise<string>
  teardown?(state: S): Promise<void>
}

/** Erases a figure's state type so that figures of different states share one array. */
export function figure<S>(definition: Figure<S>): Figure<unknown> {
  return definition as Figure<unknown>
}
