import type { z } from 'zod';
import type { Channels, ZonewalkBridge } from '../shared/contract';
import type { ChannelDef } from '../shared/contract/channel';
import type { checklistChannels } from '../shared/contract/checklists';
import type { findingChannels } from '../shared/contract/findings';
import type { modelChannels } from '../shared/contract/model';
import type { AppErrorShape } from '../shared/errors';

declare global {
  interface Window {
    api: ZonewalkBridge;
  }
}

// TEMPORARY until the model backend lands on main: the window already codes against the written
// contract of these areas, so their channels are typed here before index.ts registers them.
type WindowChannels = Channels & typeof modelChannels & typeof checklistChannels & typeof findingChannels;
type WindowChannel = keyof WindowChannels;
type In<C extends WindowChannel> = z.input<WindowChannels[C]['input']>;
type Out<C extends WindowChannel> = WindowChannels[C] extends ChannelDef<z.ZodType, infer O> ? O : never;

/** A handler's typed error, carried to the screen that shows its message. */
export class ApiError extends Error {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

export async function call<C extends WindowChannel>(channel: C, input: In<C>): Promise<Out<C>> {
  const result = await window.api.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as Out<C>;
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.shape.message;
  return 'Something went wrong. Your data was not changed; try again.';
}
