import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type InterchangeDocument, serializeInterchange } from '../../../core/interchange/document';
import { AppError } from '../../../shared/errors';
import { toFsAppError } from '../../db/fsErrors';
import { tempPathBeside } from '../../fsAtomic';
import type { Workspace } from '../../workspace';
import type { InterchangeService } from '../interchange';
import type { ExportSources } from './exportSources';
import type { EvidenceSink } from './importService';

export interface WorkspaceSourceDeps {
  ws: Workspace;
  interchange: InterchangeService;
}

/** Wires exports to this workspace's model, audit trail, evidence store and report writers. */
export function workspaceExportSources({
  ws,
  interchange,
}: WorkspaceSourceDeps): ExportSources<InterchangeDocument> {
  const blobPath = (sha256: string) => blobPathIn(ws, sha256);
  const notYet = (): never => {
    throw new AppError('internal', 'The report writers are not available in this build yet.');
  };
  return {
    document: (id) => interchange.exportDocument(id),
    serialize: serializeInterchange,
    trail: (id) => ws.trail.list(id),
    evidencePath: blobPath,
    evidenceStream: (sha256) => fs.createReadStream(blobPath(sha256)),
    writeGapRegister: notYet,
    writeFindingsReport: notYet,
  };
}

/** Stores imported evidence content-addressed under <workspace>/evidence/ab/<sha256>. */
export function workspaceEvidenceSink(ws: Workspace): EvidenceSink {
  return {
    async put(source, what) {
      const tmpDir = path.join(ws.evidenceDir, '.tmp');
      fs.mkdirSync(tmpDir, { recursive: true });
      const tmp = tempPathBeside(path.join(tmpDir, 'import'));
      const hash = createHash('sha256');
      let size = 0;
      try {
        const out = fs.createWriteStream(tmp, { flags: 'wx' });
        await pipeline(
          source,
          async function* (chunks: AsyncIterable<Buffer>) {
            for await (const c of chunks) {
              hash.update(c);
              size += c.length;
              yield c;
            }
          },
          out,
        );
        const sha256 = hash.digest('hex');
        const final = blobPathIn(ws, sha256);
        fs.mkdirSync(path.dirname(final), { recursive: true });
        if (fs.existsSync(final)) fs.rmSync(tmp);
        else {
          const fd = fs.openSync(tmp, 'r+');
          fs.fsyncSync(fd);
          fs.closeSync(fd);
          fs.renameSync(tmp, final);
        }
        return { sha256, size };
      } catch (err) {
        fs.rmSync(tmp, { force: true });
        throw toFsAppError(err, what);
      }
    },
  };
}

function blobPathIn(ws: Workspace, sha256: string): string {
  return path.join(ws.evidenceDir, sha256.slice(0, 2), sha256);
}
