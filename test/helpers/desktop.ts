import type { DesktopPlatform } from '../../src/main/platform';

/**
 * A platform whose open, save and folder dialogs answer `answer.path` (null: the user pressed Cancel)
 * and record what they were asked, standing in for Electron's in integration and e2e tests.
 */
export function fakeDialogs() {
  const asked: { dialog: 'file' | 'save' | 'folder'; opts: unknown }[] = [];
  const answer: { path: string | null } = { path: null };
  const reply = (dialog: 'file' | 'save' | 'folder') => async (opts?: unknown) => {
    asked.push({ dialog, opts });
    return answer.path;
  };
  const platform: DesktopPlatform = {
    pickFile: reply('file'),
    pickSavePath: reply('save'),
    pickFolder: reply('folder'),
  };
  return { platform, asked, answer };
}
