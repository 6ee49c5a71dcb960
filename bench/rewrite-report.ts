/** Re-writes bench/results.md from bench/results.json (e.g. after editing bench/changes.md), without measuring again. */
import { readFileSync } from 'node:fs';
import { writeResults, type Results } from './report.ts';
import { BENCH } from './paths.ts';

writeResults(JSON.parse(readFileSync(`${BENCH}results.json`, 'utf8')) as Results);
