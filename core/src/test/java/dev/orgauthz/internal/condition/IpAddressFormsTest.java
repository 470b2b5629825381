package dev.orgauthz.internal.condition;

import static dev.orgauthz.internal.condition.Cases.holds;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The written forms of an IPv6 address in a request: compressed anywhere, a dotted IPv4 tail, and
 * the malformed forms, which match no range (and so allow nothing).
 */
class IpAddressFormsTest {
  @ParameterizedTest(name = "{0} vs {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ::/128                   | ::                          | true
          ::/128                   | 0:0:0:0:0:0:0:0             | true
          ::/128                   | ::0.0.0.0                   | true
          ::1/128                  | 0:0:0:0:0:0:0:1             | true
          1::/128                  | 1:0:0:0:0:0:0:0             | true
          1:2:3:4:5:6:7:0/128      | 1:2:3:4:5:6:7::             | true
          0:2:3:4:5:6:7:8/128      | ::2:3:4:5:6:7:8             | true
          1:2:0:0:0:0:7:8/128      | 1:2::7:8                    | true
          ::ffff:cb00:7109/128     | ::ffff:203.0.113.9          | true
          ::ffff:cb00:7100/120     | ::ffff:203.0.113.9          | true
          1:2:3:4:5:6:cb00:7109/128 | 1:2:3:4:5:6:203.0.113.9    | true
          ffff:ffff::/32           | FFFF:FFFF:1::               | true
          8000::/1                 | 8000::                      | true
          8000::/1                 | 7fff:ffff:ffff:ffff::       | false
          ::/0                     | 1:2:3:4:5:6:7:1.2.3.4       | false
          ::/0                     | 1:2:3:4:5:6:7:8:9           | false
          ::/0                     | 1::2::3                     | false
          ::/0                     | 1:2:3:4:5:6:7:              | false
          ::/0                     | :1:2:3:4:5:6:7              | false
          ::/0                     | 12345::                     | false
          ::/0                     | 1234::                      | true
          ::/0                     | g::                         | false
          0.0.0.0/0                | 255.255.255.255             | true
          255.255.255.255/32       | 255.255.255.255             | true
          128.0.0.0/1              | 127.255.255.255             | false
          0.0.0.0/0                | 256.0.0.0                   | false
          """)
  void ipv6AndIpv4Forms(String range, String address, boolean expected) {
    assertThat(holds("IpAddress", range, "k=" + address)).isEqualTo(expected);
  }
}
