// Runs the built CLI in this process and writes its peak RSS (KiB) to $ZONEWALK_RSS_OUT when it is done:
//   node bench/children/maxRss.mjs out/main/zonewalk.js --data-dir D evidence add ID FILE
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [cli, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], cli, ...args];
await import(pathToFileURL(path.resolve(cli)).href);
fs.writeFileSync(process.env.ZONEWALK_RSS_OUT, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
