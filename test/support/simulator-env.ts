import type { Simulator } from "../../src/simulator/index.js";

/** The environment that points the CLI at a running simulator, with its key. */
export function simulatorEnv(
  simulator: Simulator,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    HELIUS_API_KEY: simulator.apiKey,
    HELIUS_API_URL: simulator.apiUrl,
    HELIUS_RPC_URL: simulator.rpcUrl,
    ...overrides,
  };
}
