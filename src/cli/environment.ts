import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";

/** The variables fetch-swaps reads. `.env.example` documents each of them. */
export interface Environment {
  HELIUS_API_KEY?: string;
  HELIUS_API_URL?: string;
  HELIUS_RPC_URL?: string;
}

/**
 * The process environment over a `.env` file in the working directory: a variable set in the
 * environment wins, so a cron line or a shell export can override the file.
 */
export function readEnvironment(processEnv: NodeJS.ProcessEnv, envFilePath = ".env"): Environment {
  const fromFile = readEnvFile(envFilePath);
  const pick = (name: keyof Environment) => processEnv[name] ?? fromFile[name];

  const environment: Environment = {};
  for (const name of ["HELIUS_API_KEY", "HELIUS_API_URL", "HELIUS_RPC_URL"] as const) {
    const value = pick(name);
    if (value !== undefined && value !== "") environment[name] = value;
  }
  return environment;
}

function readEnvFile(path: string): Record<string, string | undefined> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  return parseEnv(text);
}
