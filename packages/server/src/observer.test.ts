import { expect, test } from 'vitest';
import { combineObservers } from './observer';

test('combined observers each hear every event, in order, and one that throws stops no one', () => {
  const heard: string[] = [];
  const combined = combineObservers(
    {
      show: (e) => heard.push(`metrics ${e.room} ${e.status}`),
      viewers: () => {
        throw new Error('broken dashboard');
      },
    },
    {
      show: (e) => heard.push(`recorder ${e.room} ${e.status}`),
      viewers: (e) => heard.push(`viewers ${e.viewers}`),
    },
  );
  combined.show?.({ room: 'a', status: 'live', hostConnections: 1 });
  combined.viewers?.({ room: 'a', viewers: 3 });
  expect(heard).toEqual(['metrics a live', 'recorder a live', 'viewers 3']);
  // Nobody listens to tokens: the combined observer has no callback for them either.
  expect(combined.token).toBeUndefined();
});
