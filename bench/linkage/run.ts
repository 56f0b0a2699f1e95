/**
 * npm run bench:linkage [-- --scale 0.1] [--only kernel,scaling,febrl4,pprl,dedupe] [--overlap 0.5]
 *
 * Prints one ratio line per measure, each with its goal from issue 7 and whether it was met.
 * The 1M runs are heavy (about 2–4 minutes and 6–10 GB together); --scale shrinks them.
 */
import { machineLine, parseArgs } from './bench-support.ts';
import { benchKernelVsNative, benchThreadScaling } from './kernel.bench.ts';
import { benchFebrl4, benchPprlMillion } from './pprl.bench.ts';
import { benchDedupeMillion } from './dedupe.bench.ts';

const args = parseArgs(process.argv.slice(2));
const wants = (name: string) => args.only === null || args.only.has(name);
console.log(`# linkage benchmarks — ${machineLine()}; scale ${args.scale}`);
if (wants('kernel')) await benchKernelVsNative();
if (wants('scaling')) await benchThreadScaling();
if (wants('febrl4')) await benchFebrl4();
if (wants('pprl')) await benchPprlMillion(args.scale, args.overlap);
if (wants('dedupe')) benchDedupeMillion(args.scale);
console.log(`# done — load ${machineLine().split('load ')[1]}`);
