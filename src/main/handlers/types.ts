import type { ChannelName, OutputOf, ParsedInputOf } from '../../shared/contract';

export type HandlerImpl<C extends ChannelName> = (
  input: ParsedInputOf<C>,
) => OutputOf<C> | Promise<OutputOf<C>>;
export type HandlerImpls<K extends ChannelName = ChannelName> = { [C in K]: HandlerImpl<C> };
