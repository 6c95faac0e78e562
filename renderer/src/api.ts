/**
 * The renderer's typed client of the main process. The transport behind `window.api` is the preload's
 * IPC bridge in the app and a Playwright binding in end-to-end tests; both reach the same handlers.
 */
import type { Channel, InputOf, OutputOf } from '../../electron/api/contract'
import type { ApiErrorData, Result } from '../../electron/api/errors'

declare global {
  interface Window {
    api: { invoke: (channel: string, input?: unknown) => Promise<unknown> }
  }
}

export class ApiError extends Error {
  constructor(readonly data: ApiErrorData) {
    super(data.message)
  }
}

export async function call<C extends Channel>(
  channel: C,
  ...input: undefined extends InputOf<C> ? [InputOf<C>?] : [InputOf<C>]
): Promise<OutputOf<C>> {
  const result = (await window.api.invoke(channel, input[0])) as Result<OutputOf<C>>
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}
