const API_KEY_PARAM = /(api-key=)[^&\s"']+/gi;

/**
 * Removes an API key from text bound for a log record or an error message. The key is masked
 * wherever it appears verbatim, and any `api-key=` query value is masked too, in case text
 * from a library (a URL in an undici error, say) carries a key we were not told about.
 */
export function createRedactor(secret: string | undefined): (text: string) => string {
  return (text) => {
    let redacted = text.replace(API_KEY_PARAM, "$1[REDACTED]");
    if (secret !== undefined && secret.length > 0) {
      redacted = redacted.split(secret).join("[REDACTED]");
    }
    return redacted;
  };
}
