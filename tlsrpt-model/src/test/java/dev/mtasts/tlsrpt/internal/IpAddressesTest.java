package dev.mtasts.tlsrpt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class IpAddressesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "192.0.2.1", "0.0.0.0", "255.255.255.255", "2001:db8:abcd:0012::1", "::", "::1", "1::",
        "2001:DB8::8:800:200C:417A", "::ffff:192.0.2.1", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4",
        "fe80::1"
      })
  void acceptsAddressesLikeTheJdk(String text) throws UnknownHostException {
    byte[] jdk = InetAddress.getByName(text).getAddress();
    byte[] mine = IpAddresses.parse(text);
    assertEquals(true, IpAddresses.isValid(text));
    if (jdk.length == 4 && mine != null && mine.length == 16) {
      // The JDK folds ::ffff:a.b.c.d to IPv4.
      assertArrayEquals(jdk, java.util.Arrays.copyOfRange(mine, 12, 16));
    } else {
      assertArrayEquals(jdk, mine);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "x.x.x.x", "01.2.3.4", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.4 ", ":::", "1:::2",
        "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", ":1:2", "1:2:", "1:2:3:4:5:6:7:1.2.3.4", "g::1",
        "::1.2.3", "1.2.3.", ".1.2.3", "1..2.3", "1.2.3.4.", "1234.1.1.1", "1.2.3.04"
      })
  void rejectsNonAddresses(String text) {
    assertEquals(null, IpAddresses.parse(text));
    assertEquals(false, IpAddresses.isValid(text));
  }

  @ParameterizedTest
  @CsvSource({
    "192.0.2.1, true", "209.85.222.201, true", "10.0.0.1, false", "172.16.0.1, false",
    "192.168.1.1, false", "127.0.0.1, false", "169.254.1.1, false", "100.64.0.1, false",
    "2001:db8::1, true", "::1, false", "fd00::1, false", "fe80::1, false", "nonsense, false"
  })
  void tellsPublicLookingAddresses(String text, boolean expected) {
    assertEquals(expected, IpAddresses.looksPublic(text));
  }
}
