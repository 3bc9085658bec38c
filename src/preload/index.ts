import { contextBridge, ipcRenderer } from 'electron';
import type { ZonewalkBridge } from '../shared/contract';
import { CHANNEL_NAMES } from '../shared/contract';

const allowed = new Set<string>(CHANNEL_NAMES);

// The window gets exactly one function; ipcRenderer itself never crosses the bridge.
const api: ZonewalkBridge = {
  invoke(channel, input) {
    if (!allowed.has(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'invalid-input', message: `Unknown channel ${channel}` },
      });
    }
    return ipcRenderer.invoke(channel, input);
  },
};

contextBridge.exposeInMainWorld('api', api);
