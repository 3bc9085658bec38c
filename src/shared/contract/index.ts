import type { z } from 'zod';
import type { Result } from '../errors';
import { assessmentChannels } from './assessments';
import { auditChannels } from './audit';
import { catalogChannels } from './catalogs';
import type { ChannelDef } from './channel';
import { checklistChannels } from './checklists';
import { controlChannels } from './controls';
import { desktopChannels } from './desktop';
import { evidenceChannels } from './evidence';
import { exportChannels } from './exports';
import { findingChannels } from './findings';
import { importChannels } from './imports';
import { modelChannels } from './model';
import { reportChannels } from './reports';
import { signingChannels } from './signing';

/** Every channel the window may call. Areas add theirs here, nowhere else. */
export const channels = {
  ...assessmentChannels,
  ...auditChannels,
  ...signingChannels,
  ...exportChannels,
  ...importChannels,
  ...evidenceChannels,
  ...desktopChannels,
  ...modelChannels,
  ...checklistChannels,
  ...findingChannels,
  ...controlChannels,
  ...catalogChannels,
  ...reportChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type InputOf<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ParsedInputOf<C extends ChannelName> = z.output<Channels[C]['input']>;
export type OutputOf<C extends ChannelName> = Channels[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

/** What the preload exposes as `window.api`, and what the e2e harness injects in its place. */
export interface ZonewalkBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
}
