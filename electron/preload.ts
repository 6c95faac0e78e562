/**
 * The sandboxed preload: exposes one narrow function, never ipcRenderer itself. Channel names are checked
 * against the contract in the main process; here only their shape is checked.
 */
import { contextBridge, ipcRenderer } from 'electron'

const INVOKE = 'desk:invoke'

contextBridge.exposeInMainWorld('api', {
  invoke: (channel: string, input?: unknown): Promise<unknown> => {
    if (typeof channel !== 'string' || !/^[a-z]+\.[A-Za-z]+$/.test(channel)) {
      return Promise.reject(new Error(`Refused channel ${String(channel)}`))
    }
    return ipcRenderer.invoke(INVOKE, channel, input)
  },
})
