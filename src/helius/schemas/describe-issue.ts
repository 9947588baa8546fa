import type { z } from "zod";

/** Names the first schema problem by its path, e.g. `[37].slot: expected number, got string`. */
export function describeIssue(error: z.ZodError, pathPrefix = ""): string {
  const issue = error.issues[0];
  if (issue === undefined) return "response failed validation";

  const path = issue.path
    .map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`))
    .join("");
  const where = `${pathPrefix}${path}`.replace(/^\./, "") || "(root)";
  return `${where}: ${issue.message}`;
}
