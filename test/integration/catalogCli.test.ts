import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { MAX_OVERLAY_BYTES } from '../../src/shared/catalogOverlay';
import { overlayDoc, textEntries } from '../helpers/catalogs';
import { tempDir } from '../helpers/workspace';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('zonewalk CLI: catalogs and overlays', () => {
  it('imports, lists and removes a licensed overlay', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'licence.json');
    fs.writeFileSync(file, JSON.stringify(overlayDoc('iec-62443-3-3:2013', textEntries('3-3'))));
    const imported = await cli(['--data-dir', dir, 'import-overlay', file]);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toBe(
      'Imported Test licence pack 2026.1 for iec-62443-3-3:2013: 100 entries, 0 level corrections.\n',
    );
    const listed = await cli(['--data-dir', dir, 'catalogs']);
    expect(listed.stdout.split('\n')[2]).toMatch(
      /^iec-62443-3-3:2013\tEdition 1\.0 \(2013\) \+ COR1:2014\t100\tTest licence pack 2026\.1 \(.+ sha256 [0-9a-f]{64}\)$/,
    );
    const json = JSON.parse((await cli(['--data-dir', dir, 'catalogs', '--json'])).stdout);
    expect(json.map((c: { overlay: unknown }) => c.overlay !== null)).toEqual([false, true, false]);
    const removed = await cli(['--data-dir', dir, 'remove-overlay', 'iec-62443-3-3:2013']);
    expect(removed).toEqual({
      code: 0,
      stdout: 'Removed Test licence pack 2026.1 from iec-62443-3-3:2013.\n',
      stderr: '',
    });
  });

  it('refuses bad files with one line and exit 1, and wrong calls with exit 2', async () => {
    const dir = tempDir();
    const bad = path.join(tempDir(), 'bad.json');
    fs.writeFileSync(bad, JSON.stringify(overlayDoc('iec-62443-3-3:2013', [{ id: 'SR 99.1', text: 'x' }])));
    const r = await cli(['--data-dir', dir, 'import-overlay', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'zonewalk: bad.json names 1 requirement that IEC 62443-3-3 does not have: SR 99.1. Nothing was imported.\n',
    );
    const huge = path.join(tempDir(), 'huge.json');
    fs.writeFileSync(huge, Buffer.alloc(MAX_OVERLAY_BYTES + 1, 32));
    expect((await cli(['--data-dir', dir, 'import-overlay', huge])).stderr).toMatch(
      /at most 8\.0 MB\. Nothing was imported\.\n$/,
    );
    expect((await cli(['--data-dir', dir, 'import-overlay', path.join(dir, 'nope.json')])).stderr).toMatch(
      /nope\.json does not exist/,
    );
    expect((await cli(['--data-dir', dir, 'import-overlay'])).code).toBe(2);
    const none = await cli(['--data-dir', dir, 'remove-overlay', 'iec-62443-4-2:2019']);
    expect(none).toMatchObject({
      code: 1,
      stderr: 'zonewalk: No licensed overlay is loaded for IEC 62443-4-2.\n',
    });
  });
});
