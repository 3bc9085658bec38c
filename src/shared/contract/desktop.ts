import { z } from 'zod';
import { channel } from './channel';
import { empty } from './fields';

/** Which parts of the desktop shell exist: all false in a browser, the CLI or the e2e harness. */
export interface DesktopCapabilities {
  /** Native "open files" dialog (many files; evidence above the window's size limit). */
  pickFiles: boolean;
  /** Native "choose folder" dialog. */
  pickFolder: boolean;
  /** Native "open one file" dialog with file type filters. */
  pickFile: boolean;
  /** Native "save as" dialog. */
  pickSavePath: boolean;
  /** The system's default viewer. */
  openPath: boolean;
}

/** What a dialog returned: null when the user cancelled. */
export interface PickedPath {
  path: string | null;
}

// Everything here reaches the operating system's dialog, so it is kept small and plain: a hostile
// window may set a title and a few filters, nothing that names or reaches a path on its own.
const extension = z
  .string()
  .regex(/^[A-Za-z0-9]{1,16}$/, 'An extension is 1 to 16 letters or digits, without the dot');
export const fileFilter = z
  .object({ name: z.string().trim().min(1).max(80), extensions: z.array(extension).min(1).max(8) })
  .strict();
export type FileFilter = z.infer<typeof fileFilter>;
const filters = z.array(fileFilter).max(6);
const title = z.string().trim().min(1).max(120);
/** A suggested file name for a save dialog: a name only, never a folder. */
const defaultName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\\0:]+$/, 'A file name without folders')
  .refine((n) => n !== '.' && n !== '..', 'A file name without folders');

export const pickFileRequest = z.object({ title: title.optional(), filters: filters.optional() }).strict();
export const pickSaveRequest = z
  .object({ title: title.optional(), defaultName: defaultName.optional(), filters: filters.optional() })
  .strict();
export const pickFolderRequest = z.object({ title: title.optional() }).strict();
export type PickFileRequest = z.infer<typeof pickFileRequest>;
export type PickSaveRequest = z.infer<typeof pickSaveRequest>;
export type PickFolderRequest = z.infer<typeof pickFolderRequest>;

/** The filters the window offers, in one place so every Browse… for the same kind looks alike. */
export const FILE_FILTERS = {
  package: { name: 'Audit packages (.audit.zip)', extensions: ['zip'] },
  pem: { name: 'PEM keys', extensions: ['pem', 'pub', 'key'] },
} satisfies Record<string, FileFilter>;

export const desktopChannels = {
  'desktop.capabilities': channel<DesktopCapabilities>()(empty),
  /** The native "open one file" dialog; the window fills its path field with the answer. */
  'desktop.pickFile': channel<PickedPath>()(pickFileRequest),
  /** The native "save as" dialog (the system asks before replacing a file). */
  'desktop.pickSavePath': channel<PickedPath>()(pickSaveRequest),
  'desktop.pickFolder': channel<PickedPath>()(pickFolderRequest),
};
