import type { ChannelName, InputOf, OutputOf, ZonewalkBridge } from '../shared/contract';
import type { PatchChannel, PickedPatch } from '../shared/contract/patch';
import type { AppErrorShape } from '../shared/errors';

declare global {
  interface Window {
    api: ZonewalkBridge;
  }
}

/** An error whose message is already a sentence for the user, such as a file too large to send. */
export class UserError extends Error {}

/** A handler's typed error, carried to the screen that shows its message. */
export class ApiError extends UserError {
  constructor(readonly shape: AppErrorShape) {
    super(shape.message);
  }
}

/** A channel's input as the window may send it: an update's patch must come from `pickPatch`. */
export type CallInput<C extends ChannelName> = C extends PatchChannel
  ? Omit<InputOf<C>, 'patch'> & { patch: PickedPatch<C> }
  : InputOf<C>;

export async function call<C extends ChannelName>(channel: C, input: CallInput<C>): Promise<OutputOf<C>> {
  const result = await window.api.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as OutputOf<C>;
}

export function errorMessage(err: unknown): string {
  if (err instanceof UserError) return err.message;
  return 'Something went wrong. Your data was not changed; try again.';
}

/**
 * What failed, then why, as one sentence: "The finding could not be saved: the due date is not
 * valid…". The handler's sentence loses its capital unless it starts with a name (Zonewalk, SL-T).
 */
export function failureMessage(what: string, err: unknown): string {
  const why = errorMessage(err);
  const ordinaryWord = /^[A-Z][a-z]*\b/.test(why) && !why.startsWith('Zonewalk');
  return `${what}: ${ordinaryWord ? why[0].toLowerCase() + why.slice(1) : why}`;
}
