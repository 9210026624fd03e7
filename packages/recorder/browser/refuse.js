throw new Error(
  '@show/recorder is server-only: it holds your LiveKit API secret and runs ffmpeg. Start and stop recordings from your server.',
);
