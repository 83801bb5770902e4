package org.gridloop.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who the client of a request is, for the per-client limits. A request from a configured reverse
 * proxy ({@code gridloop.rate-limit.trusted-proxies}: addresses or CIDR ranges) is keyed on the
 * address the proxies forwarded: in {@code X-Forwarded-For}, the right-most entry that is not itself
 * a trusted proxy (everything left of it was written by the client and may be forged). Every other
 * request is keyed on its peer address, whatever it says in its headers.
 *
 * <p>An IPv6 client is keyed on its /64 network: one subscriber line holds a whole /64, so
 * counting single IPv6 addresses would give one client millions of allowances.
 */
public final class TrustedProxies {

  // Literals only: InetAddress.getByName would look up a host name in DNS.
  private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  /** One address or range, e.g. {@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code fd00::/8}. */
  record Range(byte[] network, int prefix) {

    static Range parse(String text) {
      String[] parts = text.trim().split("/", 2);
      InetAddress address = literal(parts[0]);
      if (address == null) {
        throw new IllegalArgumentException("gridloop.rate-limit.trusted-proxies: '" + text
            + "' is not an IP address or CIDR range (e.g. 10.0.0.0/8)");
      }
      int bits = address.getAddress().length * 8;
      int prefix = bits;
      if (parts.length == 2) {
        try {
          prefix = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("gridloop.rate-limit.trusted-proxies: '" + text
              + "' has a prefix length outside 0.." + bits);
        }
      }
      return new Range(address.getAddress(), prefix);
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      for (int bit = 0; bit < prefix; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /** @param list comma-separated addresses and CIDR ranges; blank means no trusted proxy */
  public static TrustedProxies parse(String list) {
    List<Range> ranges = new ArrayList<>();
    if (list != null) {
      Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Range::parse).forEach(ranges::add);
    }
    return new TrustedProxies(Collections.unmodifiableList(ranges));
  }

  public boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** The key of the request's client: its forwarded address behind a trusted proxy, else its peer. */
  public String clientOf(HttpServletRequest request) {
    InetAddress peer = literal(request.getRemoteAddr());
    if (peer == null) {
      return request.getRemoteAddr();
    }
    if (!isTrusted(peer)) {
      return key(peer);
    }
    List<String> hops = new ArrayList<>();
    for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
      for (String hop : header.split(",")) {
        hops.add(hop.trim());
      }
    }
    InetAddress client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      InetAddress hop = literal(hops.get(i));
      if (hop == null) {
        break; // not an address: nothing a trusted proxy wrote; keep the last hop that was
      }
      client = hop;
      if (!isTrusted(hop)) {
        break;
      }
    }
    return key(client);
  }

  private boolean isTrusted(InetAddress address) {
    for (Range range : ranges) {
      if (range.contains(address)) {
        return true;
      }
    }
    return false;
  }

  private static String key(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length == 16) {
      StringBuilder network = new StringBuilder();
      for (int i = 0; i < 8; i += 2) {
        network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
      }
      return network.append(":/64").toString();
    }
    return address.getHostAddress();
  }

  /** The address written as {@code text} (IPv4, IPv6, IPv6 in brackets), or null if it is not one. */
  static InetAddress literal(String text) {
    if (text == null) {
      return null;
    }
    String bare = text.trim();
    if (bare.startsWith("[") && bare.endsWith("]")) {
      bare = bare.substring(1, bare.length() - 1);
    }
    int zone = bare.indexOf('%');
    if (zone >= 0) {
      bare = bare.substring(0, zone);
    }
    if (!IPV4.matcher(bare).matches() && !IPV6.matcher(bare).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(bare);
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
