import ipaddr from "ipaddr.js";

const RANGE_WORDS: Record<string, string> = {
  unspecified: "an unspecified address",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT (CGNAT) address",
  private: "a private address",
  uniqueLocal: "a private (unique local) address",
  reserved: "a reserved address",
  benchmarking: "a benchmarking address",
};

/**
 * Why the bot must not connect to this address, or null when it is an
 * ordinary public unicast address. Everything ipaddr.js does not class as
 * `unicast` is refused: loopback, private, link-local, CGNAT, multicast,
 * unspecified and the reserved and translation ranges (6to4, Teredo, NAT64),
 * whose IPv6 forms can carry an inner IPv4 address. An IPv4-mapped IPv6
 * address is judged as the IPv4 address it carries.
 */
export function refusedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === "unicast") return null;
  return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
}
