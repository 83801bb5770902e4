package org.gridloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class TrustedProxiesTests {

  @Test
  void aMistypedProxyStopsStartupNamingTheEntry() {
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/8, proxy.example"))
        .hasMessageContaining("'proxy.example' is not an IP address or CIDR range");
    assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix length outside 0..32");
    assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
  }

  @Test
  void rangesOfBothFamiliesMatchTheirAddressesOnly() {
    TrustedProxies proxies = TrustedProxies.parse("192.0.2.0/24, fd00::/8, 2001:db8::7");
    assertThat(proxies.clientOf(from("192.0.2.200", "198.51.100.1"))).isEqualTo("198.51.100.1");
    assertThat(proxies.clientOf(from("192.0.3.1", "198.51.100.1"))).isEqualTo("192.0.3.1");
    assertThat(proxies.clientOf(from("fd12::1", "198.51.100.2"))).isEqualTo("198.51.100.2");
    assertThat(proxies.clientOf(from("2001:db8::7", "198.51.100.3"))).isEqualTo("198.51.100.3");
    assertThat(proxies.clientOf(from("2001:db8::8", "198.51.100.3"))).isEqualTo("2001:db8:0:0::/64");
  }

  @Test
  void aForwardedEntryThatIsNoAddressIsNeverLookedUpAndEndsTheWalk() {
    TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
    assertThat(proxies.clientOf(from("10.0.0.1", "localhost"))).isEqualTo("10.0.0.1");
    assertThat(proxies.clientOf(from("10.0.0.1", "198.51.100.9, gridloop.example, 10.0.0.2"))).isEqualTo("10.0.0.2");
    assertThat(proxies.clientOf(from("10.0.0.1", "[2001:db8:5:6::1]"))).isEqualTo("2001:db8:5:6::/64");
    assertThat(proxies.clientOf(from("10.0.0.1", null))).isEqualTo("10.0.0.1");
  }

  private static MockHttpServletRequest from(String peer, String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/cases");
    request.setRemoteAddr(peer);
    if (forwardedFor != null) {
      request.addHeader("X-Forwarded-For", forwardedFor);
    }
    return request;
  }
}
