// A page for live tests: livekit-client plus this package's collector, driven through
// `window.metricsPage`.
import { Room, RoomEvent, Track } from 'livekit-client';
import { createStatsCollector, fromLiveKitRoom, type CollectedSample } from '../src/index';

const room = new Room({ adaptiveStream: false, dynacast: false });
const samples: CollectedSample[] = [];

room.on(RoomEvent.TrackSubscribed, (track) => {
  if (track.kind !== Track.Kind.Video) return;
  const element = track.attach();
  element.muted = true;
  document.body.append(element);
});

const metricsPage = {
  async join(url: string, token: string) {
    await room.connect(url, token);
    createStatsCollector({
      source: fromLiveKitRoom(room),
      intervalMs: 1000,
      onSample: (s) => samples.push(s),
    }).start();
  },
  async publish() {
    await room.localParticipant.enableCameraAndMicrophone();
  },
  /** The figures the test compares, per sample. */
  samples: () =>
    samples.map(({ sample, state }) => ({
      timestampMs: sample.timestampMs,
      intervalMs: sample.intervalMs,
      uploadBps: sample.upload.bitrateBps,
      downloadBps: sample.download.bitrateBps,
      fps: sample.download.video?.fps,
      uploadLoss: sample.upload.lossRatio,
      downloadLoss: sample.download.lossRatio,
      uploadAudioLoss: sample.upload.audioLossRatio,
      downloadAudioLoss: sample.download.audioLossRatio,
      rttMs: sample.connection.rttMs,
      state: state.connectionState,
    })),
  leave: () => room.disconnect(),
};

export type MetricsPage = typeof metricsPage;
(window as unknown as { metricsPage: MetricsPage }).metricsPage = metricsPage;
