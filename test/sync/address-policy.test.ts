import { describe, expect, it } from "vitest";
import { refusedAddress } from "../../src/sync/address-policy.js";

describe("which addresses an upstream redirect may reach", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.0.9", "a loopback address"],
    ["::1", "a loopback address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:7f00:1", "a loopback address"],
    ["10.1.2.3", "a private address"],
    ["172.16.0.1", "a private address"],
    ["192.168.1.1", "a private address"],
    ["::ffff:192.168.1.1", "a private address"],
    ["fd12:3456::1", "a private (unique local) address"],
    ["169.254.169.254", "a link-local address"],
    ["fe80::1", "a link-local address"],
    ["100.64.0.1", "a carrier-grade NAT (CGNAT) address"],
    ["224.0.0.251", "a multicast address"],
    ["ff02::1", "a multicast address"],
    ["0.0.0.0", "an unspecified address"],
    ["::", "an unspecified address"],
    ["255.255.255.255", "the broadcast address"],
    ["64:ff9b::a00:1", "a special-purpose address (rfc6052)"],
    ["2002:a00:1::1", "a special-purpose address (6to4)"],
  ])("refuses %s as %s", (address, why) => {
    expect(refusedAddress(address)).toBe(why);
  });

  it.each(["93.184.216.34", "140.82.112.3", "2606:4700::1111", "::ffff:93.184.216.34"])("allows the public address %s", (address) => {
    expect(refusedAddress(address)).toBeNull();
  });
});
