import type { z } from 'zod';
import { CHANNEL_NAMES, type ChannelName, channels } from '../shared/contract';
import { AppError, type AppErrorShape, type Result } from '../shared/errors';
import { assessmentHandlers } from './handlers/assessments';
import { auditHandlers } from './handlers/audit';
import { catalogHandlers } from './handlers/catalogs';
import { checklistHandlers } from './handlers/checklists';
import { controlHandlers } from './handlers/controls';
import { desktopHandlers } from './handlers/desktop';
import { evidenceHandlers } from './handlers/evidence';
import { exportHandlers, importHandlers } from './handlers/exports';
import { findingHandlers } from './handlers/findings';
import { modelHandlers } from './handlers/model';
import { reportHandlers } from './handlers/reports';
import { signingHandlers } from './handlers/signing';
import type { HandlerImpls } from './handlers/types';
import { type DesktopPlatform, HEADLESS } from './platform';
import type { Services } from './services';

export type HandlerTable = Record<ChannelName, (input: unknown) => Promise<Result<unknown>>>;

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join('.')}: ` : '';
  return `The request was not valid (${where}${first?.message ?? 'invalid'}).`;
}

/** Anything thrown inside a handler becomes a typed error; stack traces stay in the log. */
export function toErrorShape(err: unknown, log: (e: unknown) => void = console.error): AppErrorShape {
  if (err instanceof AppError) return err.toShape();
  log(err);
  return { code: 'internal', message: 'Something went wrong inside Zonewalk. Your data was not changed.' };
}

export function createHandlerTable(
  services: Services,
  log?: (e: unknown) => void,
  platform: DesktopPlatform = HEADLESS,
): HandlerTable {
  const impls: HandlerImpls = {
    ...assessmentHandlers(services),
    ...auditHandlers(services),
    ...signingHandlers(services),
    ...exportHandlers(services),
    ...importHandlers(services),
    ...evidenceHandlers(services, platform),
    ...desktopHandlers(platform),
    ...modelHandlers(services),
    ...checklistHandlers(services),
    ...findingHandlers(services),
    ...controlHandlers(services),
    ...catalogHandlers(services),
    ...reportHandlers(services),
  };
  const table = {} as HandlerTable;
  for (const name of CHANNEL_NAMES) {
    const schema: z.ZodType = channels[name].input;
    const impl = impls[name] as (input: unknown) => unknown;
    table[name] = async (input: unknown) => {
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-input',
            message: describeIssues(parsed.error),
            details: parsed.error.issues.map(({ path, code, message }) => ({ path, code, message })),
          },
        };
      }
      try {
        return { ok: true, value: await impl(parsed.data) };
      } catch (err) {
        return { ok: false, error: toErrorShape(err, log) };
      }
    };
  }
  return table;
}

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
