// The default entry: WebCrypto and jose, for edge runtimes, workers, Deno and Bun.
import { minterFor, verifierFor, verifyOnceFor } from './minter';
import { webHashing, webSigning, webVerifying } from './platform-web';
import { webhookReceiverFor, webhookSignerFor } from './webhook';

export * from './exports';

export const createTokenMinter = /* @__PURE__ */ minterFor(webSigning);
export const createTokenVerifier = /* @__PURE__ */ verifierFor(webVerifying);
export const verifyToken = /* @__PURE__ */ verifyOnceFor(webVerifying);
export const createWebhookReceiver = /* @__PURE__ */ webhookReceiverFor(
  webHashing,
  createTokenVerifier,
);
export const createWebhookSigner = /* @__PURE__ */ webhookSignerFor(webSigning, webHashing);
