import type { z } from 'zod';
import { type ChannelName, channels, type InputOf } from './index';

// An update sends a `patch` the channel's schema refuses if it holds one key too many. A patch
// spread from a whole record (its id, its evidence) passes the type checker, since the extra keys
// hide behind the record's type; so the window builds every patch with `pickPatch`, which copies
// only the schema's keys, and `call` accepts no other (see PickedPatch).

/** The channels whose input carries a `patch`. */
export type PatchChannel = {
  [C in ChannelName]: InputOf<C> extends { patch: unknown } ? C : never;
}[ChannelName];

export type PatchOf<C extends PatchChannel> = InputOf<C> extends { patch: infer P } ? P : never;

declare const picked: unique symbol;

/** A patch that holds only its schema's keys: only `pickPatch` makes one. */
export type PickedPatch<C extends PatchChannel> = PatchOf<C> & { readonly [picked]: C };

/** The keys the channel's patch schema accepts, read from the schema itself. */
export function patchKeys(channel: PatchChannel): string[] {
  const input = channels[channel].input as z.ZodObject;
  return Object.keys((input.shape.patch as z.ZodObject).shape);
}

/**
 * Copies from `source` (a draft, or a whole record) the keys the channel's patch accepts and that
 * hold a value; everything else stays behind.
 */
export function pickPatch<C extends PatchChannel>(channel: C, source: PatchOf<C>): PickedPatch<C> {
  const from = source as Record<string, unknown>;
  const patch = Object.fromEntries(
    patchKeys(channel)
      .filter((k) => Object.hasOwn(from, k) && from[k] !== undefined)
      .map((k) => [k, from[k]]),
  );
  return patch as PickedPatch<C>;
}
