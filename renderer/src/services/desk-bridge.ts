import type { DeskBridge } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    /** Present only inside the desktop app (preload); absent in a plain browser. */
    desk?: DeskBridge;
  }
}

export function deskBridge(): DeskBridge | undefined {
  return window.desk;
}

/** The server the desk talks to: the desktop app says which; in a browser it is the page's origin. */
export async function resolveServerUrl(): Promise<string> {
  const bridge = deskBridge();
  if (bridge) return (await bridge.getAppInfo()).serverUrl;
  return window.location.origin;
}
