// Where the FirstLine server under test lives. The xunit glue (Tests/FirstLine.Bot.Tests/RealClients)
// starts the server and passes these; a developer can also point the scripts at `dotnet run --project Bot`.

export function firstLineUrl() {
  const url = process.env.FIRSTLINE_URL;
  if (!url) throw new Error('FIRSTLINE_URL is not set (e.g. http://127.0.0.1:5080)');
  return url.replace(/\/+$/, '');
}

export function firstLineSecret() {
  const secret = process.env.FIRSTLINE_SECRET;
  if (!secret) throw new Error('FIRSTLINE_SECRET is not set (the server\'s DirectLine:Secret)');
  return secret;
}

/** The Direct Line base URL exactly as a website passes it to Web Chat's `domain` (no trailing slash). */
export function directLineDomain() {
  return `${firstLineUrl()}/v3/directline`;
}
