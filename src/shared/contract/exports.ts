import { z } from 'zod';
import { REDACTION_PROFILES } from '../../core/redaction/profiles';
import { channel } from './channel';
import { byAssessment, filePath, id, shortText } from './fields';
import type { ExportStatus, PackageFileInfo, VerifyReport } from './packages';
import { outDir, passphrase } from './signing';

const jobId = z.string().regex(/^[0-9a-f]{16}$/, 'not an export job id');

export const exportRequest = z
  .object({
    assessmentId: id,
    outputs: z
      .object({ package: z.boolean(), gapRegister: z.boolean(), report: z.boolean() })
      .strict()
      .refine((o) => o.package || o.gapRegister || o.report, 'Choose at least one thing to export'),
    redaction: z.enum(REDACTION_PROFILES).default('none'),
    /** Required for the vendor profile: whose assets the package keeps. */
    vendor: shortText.optional(),
    /** Required for a package. */
    keyName: z.string().trim().min(1).max(200).optional(),
    passphrase: passphrase.optional(),
    outDir,
  })
  .strict();
export type ExportRequest = z.infer<typeof exportRequest>;

export const exportChannels = {
  /** Checks the request and the passphrase, then starts writing; poll exports.status for progress. */
  'exports.start': channel<ExportStatus>()(exportRequest),
  'exports.status': channel<ExportStatus>()(z.object({ jobId }).strict()),
  /** Stops the job; whatever it had written is removed. */
  'exports.cancel': channel<ExportStatus>()(z.object({ jobId }).strict()),
  /** The vendors named on the assessment's assets, for the vendor redaction profile. */
  'exports.vendors': channel<string[]>()(byAssessment),
  /** Packages in <workspace>/exports, newest first. */
  'packages.recent': channel<PackageFileInfo[]>()(z.object({}).strict()),
  'packages.verify': channel<VerifyReport>()(
    z
      .object({
        path: filePath,
        /** Public keys to trust for this check only (PEM text). */
        trust: z
          .array(z.object({ name: shortText.min(1), pem: z.string().max(20_000) }).strict())
          .max(20)
          .optional(),
      })
      .strict(),
  ),
};
