import type { z } from 'zod';

/** A channel: the zod schema of its input and, as a type only, its output. */
export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  output?: O;
}

export function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelDef<I, O> => ({ input });
}
