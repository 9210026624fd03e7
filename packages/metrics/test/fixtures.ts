// Loads the stats recorded from real Chromium sessions (see record-fixtures.mjs).
import { readFileSync } from 'node:fs';
import type { RtcStatLike } from '../src/stats-report';

export type FixtureName =
  | 'publisher-simulcast'
  | 'publisher-first-moments'
  | 'publisher-replaced-track'
  | 'publisher-audio-only'
  | 'subscriber'
  | 'subscriber-audio-only';

export function snapshots(name: FixtureName): RtcStatLike[][] {
  const text = readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8');
  return (JSON.parse(text) as { snapshots: RtcStatLike[][] }).snapshots;
}

export function pair(name: FixtureName, from = 0): [RtcStatLike[], RtcStatLike[]] {
  const all = snapshots(name);
  return [all[from] ?? [], all[from + 1] ?? []];
}
