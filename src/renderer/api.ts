import type { ChannelName, InputOf, OutputOf, ZonewalkBridge } from '../shared/contract';
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

export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await window.api.invoke(channel, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value as OutputOf<C>;
}

export function errorMessage(err: unknown): string {
  if (err instanceof UserError) return err.message;
  return 'Something went wrong. Your data was not changed; try again.';
}
