/**
 * A variable's value now, not at build time. Next.js replaces `process.env.NEXT_PUBLIC_X` written
 * out in code by the value it had during `next build`, in server bundles and the proxy too; a
 * lookup by a name it cannot see at build time is left alone. So one build serves any server.
 */
export function runtimeEnv(name: string): string | undefined {
  return process.env[name];
}
