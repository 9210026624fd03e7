// Store: one per show; framework-agnostic state and the pure rules behind it.
export { createShowStore } from './store/show-store';
export type { TrackedEvent } from './store/commerce';
export type {
  AttachableTrack,
  HostView,
  MetricsView,
  ShowError,
  ShowErrorCode,
  ShowPhase,
  ShowPort,
  ShowState,
  ShowStore,
  StudioPort,
  StudioFigures,
} from './store/show-store';
export type { CartLine, CartLines, CartSummary } from './store/cart';
export { defaultChatLimits } from './store/chat';
export type {
  ChatAuthor,
  ChatLimits,
  ChatMessage,
  ChatRefusal,
  ParticipantRole,
  SendResult,
} from './store/chat';
export { formatPrice } from './store/products';
export type { Price, Product } from './store/products';
export { MAX_PINS } from './store/protocol';
export type { HostStatus } from './store/protocol';
export { SERVER_TOPIC, decodeServerPacket } from './store/server-protocol';
export type { ServerChatMessage, ServerEvent, ServerHistory } from './store/server-protocol';
export { ShowActionError } from './store/show-action-error';
export type { ShowActionErrorCode, ShowActionErrorOptions } from './store/show-action-error';
export type { CartStorage } from './store/persist-cart';

// LiveKit bindings: the server's client, the session's options, the host's actions.
export { createShowServerClient } from './room/server-client';
export type { ShowServerClient, ShowServerClientOptions } from './room/server-client';
export type { BindMetricsOptions } from './room/bind-metrics';
export { defaultRetryPolicy } from './room/session';
export type { RetryPolicy, ShowSessionFailure, TokenSource } from './room/session';
export { endShow, goLive } from './room/broadcast';
export type { MediaProblem, PreviewRequest } from './room/broadcast';

// Hooks: state and actions, for teams building their own markup.
export { ShowProvider, useShow, useShowStore } from './hooks/context';
export type { ShowProviderProps } from './hooks/context';
export { useShowSession } from './hooks/useShowSession';
export type { ShowSessionProps } from './hooks/useShowSession';
export { usePinnedProducts } from './hooks/usePinnedProducts';
export type { PinnedProducts } from './hooks/usePinnedProducts';
export { useCart } from './hooks/useCart';
export type { CartApi } from './hooks/useCart';
export { useChat, useChatModeration } from './hooks/useChat';
export type { ChatApi, ChatModeration, ChatModerationOptions } from './hooks/useChat';
export { useCountdown, useElapsed } from './hooks/useElapsed';
export { useStudioFigures } from './hooks/useStudioFigures';
export { usePlayerControls } from './hooks/usePlayerControls';
export { isHlsPlaylist, useMediaSource } from './hooks/useMediaSource';
export type { HlsConstructor, HlsInstance } from './hooks/useMediaSource';
export type { PlayerAbilities, PlayerControlsApi } from './hooks/usePlayerControls';
export { usePlayerState } from './hooks/usePlayerState';
export { useReactions } from './hooks/useReactions';
export { useViewerCount } from './hooks/useViewerCount';
export { useStreamMetrics } from './hooks/useStreamMetrics';
export { useLocalPreview } from './hooks/useLocalPreview';
export type { LocalPreview, LocalPreviewOptions, PreviewStatus } from './hooks/useLocalPreview';

// Components: read the show from context.
export { ConnectionStatus, defaultConnectionLabels } from './components/ConnectionStatus';
export type { ConnectionStatusProps, ShowConnectionState } from './components/ConnectionStatus';
export { Sparkline } from './components/Sparkline';
export type { SparklineProps } from './components/Sparkline';
export { StreamMetrics, defaultStreamMetricsLabels } from './components/StreamMetrics';
export type {
  StreamHealth,
  StreamMetricsLabels,
  StreamMetricsProps,
} from './components/StreamMetrics';
export { ShowVideo } from './components/ShowVideo';
export type { ShowVideoProps } from './components/ShowVideo';
export { PlayerStage, defaultPlayerLabels } from './components/PlayerStage';
export type { PlayerLabels, PlayerOptions, PlayerStageProps } from './components/PlayerStage';
export { PlayerControls } from './components/PlayerControls';
export type { PlayerControlLabels, PlayerControlsProps } from './components/PlayerControls';
export { ChatPanel, defaultChatLabels } from './components/ChatPanel';
export type { ChatLabels, ChatPanelProps } from './components/ChatPanel';
export { ProductCard, ProductRail, defaultProductLabels } from './components/ProductRail';
export type { ProductCardProps, ProductLabels, ProductRailProps } from './components/ProductRail';
export { CartPanel, defaultCartLabels } from './components/CartPanel';
export type { CartLabels, CartPanelProps, CheckoutInfo } from './components/CartPanel';
export { ReactionButton } from './components/ReactionButton';
export type { ReactionButtonProps } from './components/ReactionButton';
export { StreamControlPanel, defaultControlPanelLabels } from './components/StreamControlPanel';
export type { ControlPanelLabels, StreamControlPanelProps } from './components/StreamControlPanel';
export { hostAdvice } from './store/host-advice';
export type { HostAdvice, HostAdviceTopic } from './store/host-advice';
export { BroadcasterStage, defaultBroadcasterLabels } from './components/BroadcasterStage';
export type { BroadcasterLabels, BroadcasterStageProps } from './components/BroadcasterStage';
export { ShowLayout, defaultShowLayoutLabels } from './components/ShowLayout';
export type { ShowLayoutLabels, ShowLayoutProps } from './components/ShowLayout';

// Prefabs: one element per use.
export { ShowSession } from './prefabs/ShowSession';
export type { ShowSessionRootProps } from './prefabs/ShowSession';
export { LiveKitPlayer } from './prefabs/LiveKitPlayer';
export type { LiveKitPlayerProps } from './prefabs/LiveKitPlayer';
export { ShowInterface } from './prefabs/ShowInterface';
export type { ShowInterfaceProps } from './prefabs/ShowInterface';
export { ShowReplay, defaultReplayLabels } from './prefabs/ShowReplay';
export type { ReplayLabels, ShowReplayProps } from './prefabs/ShowReplay';
export { chaptersOf, chatCountAt, pinsAt, replayTimeline } from './store/replay';
export type { ReplayAnswer, ReplayChapter, ReplayTimeline } from './store/replay';
export { LiveKitBroadcaster } from './prefabs/LiveKitBroadcaster';
export type { LiveKitBroadcasterProps } from './prefabs/LiveKitBroadcaster';
