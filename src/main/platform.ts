import type { PickFileRequest, PickFolderRequest, PickSaveRequest } from '../shared/contract/desktop';
import { AppError } from '../shared/errors';

/**
 * What only the desktop shell can do: native dialogs and the system viewer. The handler table takes
 * it as a parameter so the CLI, the e2e harness and tests run without Electron (and can inject fakes).
 * Every dialog answers null when the user cancels.
 */
export interface DesktopPlatform {
  /** Native "open files" dialog (many files). */
  pickFiles?(): Promise<string[] | null>;
  /** Native "choose folder" dialog. */
  pickFolder?(opts?: PickFolderRequest): Promise<string | null>;
  /** Native "open one file" dialog, offering only the filters' file types. */
  pickFile?(opts: PickFileRequest): Promise<string | null>;
  /** Native "save as" dialog; the system asks before an existing file is replaced. */
  pickSavePath?(opts: PickSaveRequest): Promise<string | null>;
  /** Opens a file with the system's default viewer. */
  openPath?(file: string): Promise<void>;
}

export const HEADLESS: DesktopPlatform = {};

/** The error for a channel that needs the desktop shell when there is none (browser, CLI, tests). */
export function desktopOnly(what: string): AppError {
  return new AppError('invalid-input', `${what} is only available in the Zonewalk desktop app.`);
}
