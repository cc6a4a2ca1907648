import { lookup as dnsLookup } from "node:dns/promises";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { refusedAddress } from "./address-policy.js";
import { FetchError } from "./fetch-error.js";

/** Every address a host name resolves to (dns.lookup with all: true). */
export type Lookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

export const systemLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface CheckedGetOptions {
  headers: Record<string, string>;
  signal: AbortSignal;
  /** The origin (scheme, host, port) of MSS_UPSTREAM_URL: an operator may serve the list there, on any address. */
  trustedOrigin: string;
  lookup: Lookup;
}

/**
 * The address to connect to for this URL: the host resolved once, every
 * address it resolves to checked (a name with one private address among
 * public ones is refused), and the request then sent to that checked address,
 * so a second resolution (DNS rebinding) cannot change where it goes.
 */
async function checkedAddress(url: URL, o: CheckedGetOptions): Promise<{ address: string; family: number }> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses;
  try {
    addresses = await o.lookup(hostname);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A name that does not exist stays so for seconds; a failing resolver (EAI_AGAIN, a timeout) may answer on a retry.
    if (code === "ENOTFOUND" || code === "EAI_NONAME") throw new FetchError(`no such host (DNS lookup failed: ${code})`, false);
    throw new FetchError(`cannot resolve ${hostname}: ${code ?? String(error)}`, true);
  }
  const first = addresses[0];
  if (!first) throw new FetchError(`cannot resolve ${hostname}: no address`, true);
  if (url.origin !== o.trustedOrigin) {
    for (const { address } of addresses) {
      const refused = refusedAddress(address);
      if (refused) throw new FetchError(`refused to fetch ${url.href}: ${hostname === address ? address : `${hostname} resolves to ${address}, which`} is ${refused}`, false);
    }
  }
  return first;
}

/** One GET, no redirects followed, to the checked address of the URL's host. */
export async function checkedGet(url: URL, o: CheckedGetOptions): Promise<IncomingMessage> {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError(`refused to fetch ${url.href}: only http and https are followed`, false);
  const { address, family } = await checkedAddress(url, o);
  o.signal.throwIfAborted();
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = send({
      host: address,
      family,
      port: url.port || (url.protocol === "https:" ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers: { ...o.headers, host: url.host },
      // TLS checks the certificate against the URL's host name, not the address connected to.
      ...(url.protocol === "https:" && isIP(hostname) === 0 ? { servername: hostname } : {}),
      agent: false,
      signal: o.signal,
    });
    req.once("response", resolve);
    req.once("error", reject);
    req.end();
  });
}
