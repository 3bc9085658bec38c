import { version } from '../../package.json';

/** Written into packages (Bag-Software-Agent) and shown by the CLI. */
export const ZONEWALK_VERSION: string = version;
export const SOFTWARE_AGENT = `Zonewalk ${version}`;
