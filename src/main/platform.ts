/**
 * What only the desktop shell can do: native dialogs and the system viewer. The handler table takes
 * it as a parameter so the CLI, the e2e harness and tests run without Electron (and can inject fakes).
 */
export interface DesktopPlatform {
  /** Native "open files" dialog; null when cancelled. */
  pickFiles?(): Promise<string[] | null>;
  /** Native "choose folder" dialog; null when cancelled. */
  pickFolder?(): Promise<string | null>;
  /** Opens a file with the system's default viewer. */
  openPath?(file: string): Promise<void>;
}

export const HEADLESS: DesktopPlatform = {};
