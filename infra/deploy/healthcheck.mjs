// The container's health: this node's /readyz. A node running the gateway serves
// it on PORT, any other node on HEALTH_PORT (see infra/config/config.ts).
const services = (process.env.SERVICES || 'all').split(',').map((name) => name.trim());
const gateway = services.includes('all') || services.includes('gateway');
const port = gateway ? process.env.PORT || '4000' : process.env.HEALTH_PORT || '9090';
try {
  const response = await fetch(`http://127.0.0.1:${port}/readyz`, {
    signal: AbortSignal.timeout(2500),
  });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
