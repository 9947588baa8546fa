import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests spawn the built CLI against a loopback simulator; give them room.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
