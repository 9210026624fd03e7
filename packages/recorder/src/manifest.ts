// Each recording's folder holds `recording.json`: its RecordingInfo, rewritten (atomically) when
// its status changes, so a recorder started later still lists what earlier ones recorded.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RecordingInfo } from './recording';

const MANIFEST = 'recording.json';

/**
 * A room's folder name: the name URI-encoded, dots too, so no room (not `..`, not `a/b`) names a
 * folder outside the recorder's own.
 */
const roomFolder = (room: string) => encodeURIComponent(room).replace(/\./g, '%2E');

/** `<root>/<room>/<recordingId>`. */
export const recordingFolder = (root: string, room: string, recordingId: string) =>
  join(root, roomFolder(room), recordingId);

export async function writeManifest(folder: string, info: RecordingInfo): Promise<void> {
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${MANIFEST}.${process.pid}`);
  await writeFile(temporary, `${JSON.stringify(info, null, 2)}\n`);
  await rename(temporary, join(folder, MANIFEST));
}

async function folders(path: string): Promise<string[]> {
  try {
    const entries = await readdir(path, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** One recording's manifest, or undefined when its folder holds none (or an unreadable one). */
export async function readManifest(folder: string): Promise<RecordingInfo | undefined> {
  try {
    return JSON.parse(await readFile(join(folder, MANIFEST), 'utf8')) as RecordingInfo;
  } catch {
    return undefined;
  }
}

/** Every recording under `root` (of one room when given), as its manifest last said. */
export async function readManifests(root: string, room?: string): Promise<RecordingInfo[]> {
  const rooms = room === undefined ? await folders(root) : [roomFolder(room)];
  const found: RecordingInfo[] = [];
  for (const roomFolder of rooms) {
    for (const id of await folders(join(root, roomFolder))) {
      // A folder without a readable manifest is not a recording of ours.
      const info = await readManifest(join(root, roomFolder, id));
      if (info) found.push(info);
    }
  }
  return found;
}
