// The one place the Go tools are pinned, each built into the git-ignored .tools folder.
//
// livekit-server: v1.13.5 is the newest release `go install` accepts. v1.13.6 to v1.13.11 carry
// `replace` directives in go.mod (forks of pion/webrtc, pion/dtls and pion/ice), and `go install`
// refuses any module with `replace` lines ("must not contain directives that would cause it to be
// interpreted differently than if it were the main module"). Checked on 2026-11-24 with Go 1.26.
//
// lk: v2.18.2 is the newest CLI release the module proxy serves (it needs Go 1.26). It is built
// from the small module in go/lk, whose go.mod says why and must require this same version.

/**
 * @typedef {object} GoTool
 * @property {string} name the executable's name
 * @property {string} module
 * @property {string} command the main package
 * @property {string} version
 * @property {string} [wrapperDir] build `command` inside this module (relative to the harness)
 * @property {string[]} [buildTags]
 * @property {string[]} [aptPackages] Debian packages the build needs (C libraries for cgo)
 */

/** @type {GoTool} */
export const LIVEKIT_SERVER = {
  name: 'livekit-server',
  module: 'github.com/livekit/livekit-server',
  command: 'github.com/livekit/livekit-server/cmd/server',
  version: 'v1.13.5',
};

/** @type {GoTool} */
export const LK_CLI = {
  name: 'lk',
  module: 'github.com/livekit/livekit-cli/v2',
  command: 'github.com/livekit/livekit-cli/v2/cmd/lk',
  version: 'v2.18.2',
  wrapperDir: 'go/lk',
  buildTags: ['portaudio_system'],
  aptPackages: ['portaudio19-dev', 'pkg-config'],
};

/** The key pair `livekit-server --dev` uses; any other pair can be given through the environment. */
export const DEV_API_KEY = 'devkey';
export const DEV_API_SECRET = 'secret';

// gofakes3: an S3-compatible server in one Go binary (MIT), for the recorder's uploads in tests
// and the demo. MinIO, the usual choice, is under the AGPL; v1.2.0 is the newest the module proxy
// serves (checked on 2026-12-01 with Go 1.26).
/** @type {GoTool} */
export const GOFAKES3 = {
  name: 'gofakes3',
  module: 'github.com/johannesboyne/gofakes3',
  command: 'github.com/johannesboyne/gofakes3/cmd/gofakes3',
  version: 'v1.2.0',
};
