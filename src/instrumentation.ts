export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First, so that no request is handled without its peer address (sign-in throttling).
    const { installPeerAddressHeader } = await import("./server/http/peer-address");
    installPeerAddressHeader();
    const { trustedProxyHops } = await import("./server/env");
    try {
      trustedProxyHops();
    } catch (error) {
      console.error(`\nShipSmart cannot start: ${(error as Error).message}.\n`);
      process.exit(1);
    }
    const { startServer } = await import("./server/startup");
    await startServer();
  }
}
