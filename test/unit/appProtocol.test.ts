import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../src/main/appProtocol';

const root = path.resolve('/srv/renderer');

describe('app:// path guard', () => {
  it('serves index.html for the root and files below the renderer folder', () => {
    expect(resolveAppPath(root, 'app://zonewalk/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://zonewalk/assets/a.js')).toBe(path.join(root, 'assets/a.js'));
  });
  it.each(['app://zonewalk/../../etc/passwd', 'app://zonewalk/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder (the URL parser folds the dots)',
    (url) => {
      expect(resolveAppPath(root, url)).toBe(path.join(root, 'etc/passwd'));
    },
  );
  it.each([
    'app://zonewalk/assets/..%2f..%2f..%2fetc/passwd',
    'app://zonewalk/..%2f..%2fetc/passwd',
    'app://zonewalk/a%00b',
    'app://zonewalk/..%5c..%5cwindows',
    'app://zonewalk/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });
});
