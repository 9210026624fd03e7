export {
  IMPRESSION_MS,
  parseCommerceEvent,
  type AddToCart,
  type CheckoutLine,
  type CheckoutRequest,
  type CommerceEvent,
  type CommerceEventType,
  type ParseResult,
  type ProductClick,
  type ProductImpression,
  type Purchase,
  type WatchMode,
} from './events';
export {
  showFigures,
  type AudienceChange,
  type Counted,
  type FiguresInput,
  type ProductFigures,
  type ReactionTally,
  type RecordedEvent,
  type ShowFigures,
} from './figures';
export { figuresToCsv } from './csv';
