// Can a browser's fallback paths reach the media servers? A TCP connection to ICE/TCP, and a STUN
// Binding request to TURN over UDP (every TURN server answers it, RFC 8656 §4). Each resolves to
// the milliseconds it took or rejects with what went wrong.
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { connect, isIPv6 } from 'node:net';

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;

export function tcpConnect(host: string, port: number, timeoutMs = 5000): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('no answer (timed out)')));
    socket.once('connect', () => {
      resolve(Math.round(performance.now() - started));
      socket.destroy();
    });
    socket.once('error', (error) => reject(error));
  });
}

/** A STUN Binding request: 20 bytes, no attributes. */
export function bindingRequest(transaction: Uint8Array): Uint8Array {
  const message = new Uint8Array(20);
  const view = new DataView(message.buffer);
  view.setUint16(0, BINDING_REQUEST);
  view.setUint16(2, 0);
  view.setUint32(4, MAGIC_COOKIE);
  message.set(transaction.subarray(0, 12), 8);
  return message;
}

/** Whether `reply` is a Binding success for `transaction`. */
export function isBindingSuccess(reply: Uint8Array, transaction: Uint8Array): boolean {
  if (reply.byteLength < 20) return false;
  const view = new DataView(reply.buffer, reply.byteOffset, reply.byteLength);
  return (
    view.getUint16(0) === BINDING_SUCCESS &&
    view.getUint32(4) === MAGIC_COOKIE &&
    reply.subarray(8, 20).every((byte, i) => byte === transaction[i])
  );
}

/** Sends a Binding request (three tries, as UDP may drop one) and waits for its success. */
export function stunBinding(host: string, port: number, timeoutMs = 3000): Promise<number> {
  const transaction = randomBytes(12);
  const request = bindingRequest(transaction);
  const socket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  const started = performance.now();
  return new Promise<number>((resolve, reject) => {
    const send = () => socket.send(request, port, host, (error) => error && finish(error));
    const retries = setInterval(send, timeoutMs / 3);
    const timer = setTimeout(
      () => finish(new Error('no answer to a STUN Binding request (timed out)')),
      timeoutMs,
    );
    function finish(error?: Error) {
      clearInterval(retries);
      clearTimeout(timer);
      socket.close();
      if (error) reject(error);
      else resolve(Math.round(performance.now() - started));
    }
    socket.on('message', (reply) => {
      if (isBindingSuccess(reply, transaction)) finish();
    });
    socket.once('error', (error) => finish(error));
    send();
  });
}
