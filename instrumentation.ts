// Runs once when a Next.js server starts (next start, next dev, npm start): installs the front door
// that checks every request before Next sees it (lib/server/front-door.ts). proxy.ts refuses to serve
// if it is missing, so a server cannot run without these checks.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installFrontDoor } = await import("./lib/server/front-door");
  installFrontDoor();
}
