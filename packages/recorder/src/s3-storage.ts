// The local recorder's uploads to S3 or any S3-compatible storage (MinIO, R2, Backblaze, GCS's
// interoperability mode), with the AWS SDK, loaded only when a recording is uploaded (install
// `@aws-sdk/client-s3` and `@aws-sdk/lib-storage` beside this package to use it).
import { createReadStream } from 'node:fs';
import type * as ClientS3 from '@aws-sdk/client-s3';
import type * as LibStorage from '@aws-sdk/lib-storage';
import type { S3Upload } from './egress/egress-recorder';
import { RecorderError } from './recording';
import { recordingFiles, type RecordingStorage } from './recording-storage';

export interface S3StorageOptions extends S3Upload {
  /**
   * Keys start with it: `<prefix><room>/<recordingId>/recording.mp4`, `…/hls/index.m3u8`;
   * default none.
   */
  prefix?: string;
  /** Files uploaded at once; default 4. */
  concurrency?: number;
}

/** A finished recording never changes: caches and CDNs may keep it for a year. */
const FINISHED = 'public, max-age=31536000, immutable';

type Sdk = [typeof ClientS3, typeof LibStorage];

async function loadSdk(): Promise<Sdk> {
  try {
    return await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/lib-storage')]);
  } catch (error) {
    throw new RecorderError(
      'upload_failed',
      'Uploading to S3 needs @aws-sdk/client-s3 and @aws-sdk/lib-storage: install them beside @show/recorder.',
      { cause: error },
    );
  }
}

/** Storage for finished recordings in an S3 (or S3-compatible) bucket. */
export function createS3Storage(options: S3StorageOptions): RecordingStorage {
  if (!options.bucket) throw new RecorderError('invalid_request', 'bucket is required.');
  if (!options.accessKey || !options.secret) {
    throw new RecorderError('invalid_request', 'accessKey and secret are required.');
  }
  const prefix = options.prefix ?? '';
  const concurrency = options.concurrency ?? 4;
  let sdk: Promise<{ sdk: Sdk; client: ClientS3.S3Client }> | undefined;
  const connect = () =>
    (sdk ??= loadSdk().then((loaded) => ({
      sdk: loaded,
      client: new loaded[0].S3Client({
        region: options.region ?? 'us-east-1',
        ...(options.endpoint && { endpoint: options.endpoint }),
        forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
        credentials: { accessKeyId: options.accessKey, secretAccessKey: options.secret },
      }),
    })));

  return {
    async upload(recording, onProgress) {
      const {
        sdk: [, { Upload }],
        client,
      } = await connect();
      const files = await recordingFiles(recording.folder);
      if (!files.some((file) => file.name === 'recording.mp4')) {
        throw new RecorderError('not_found', 'The recording has no MP4 to upload.');
      }
      const base = `${prefix}${recording.room}/${recording.recordingId}/`;
      const totalBytes = files.reduce((sum, file) => sum + file.bytes, 0);
      const done = new Map<string, number>();
      const report = () => {
        let uploadedBytes = 0;
        for (const bytes of done.values()) uploadedBytes += bytes;
        onProgress?.({ uploadedBytes, totalBytes });
      };
      // The playlist last: a reader who finds it finds every segment it lists.
      const playlist = files.filter((file) => file.name.endsWith('.m3u8'));
      const rest = files.filter((file) => !file.name.endsWith('.m3u8'));
      const put = async (file: (typeof files)[number]) => {
        const upload = new Upload({
          client,
          params: {
            Bucket: options.bucket,
            Key: base + file.name,
            Body: createReadStream(file.path),
            ContentType: file.contentType,
            ContentLength: file.bytes,
            CacheControl: FINISHED,
          },
        });
        upload.on('httpUploadProgress', ({ loaded }) => {
          done.set(file.name, loaded ?? 0);
          report();
        });
        try {
          await upload.done();
        } catch (error) {
          throw new RecorderError(
            'upload_failed',
            `Uploading ${file.name} to bucket ${options.bucket} failed: ${(error as Error).message}`,
            { cause: error },
          );
        }
        done.set(file.name, file.bytes);
        report();
      };
      const queue = [...rest];
      const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
        for (let file = queue.shift(); file; file = queue.shift()) await put(file);
      });
      await Promise.all(workers);
      for (const file of playlist) await put(file);
      const location = (name: string) => `s3://${options.bucket}/${base}${name}`;
      return [
        { kind: 'mp4', location: location('recording.mp4') },
        ...(playlist.length > 0
          ? [{ kind: 'hls' as const, location: location('hls/index.m3u8') }]
          : []),
      ];
    },
  };
}
