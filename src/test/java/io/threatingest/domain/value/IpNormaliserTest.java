package io.threatingest.domain.value;

import static io.threatingest.domain.value.NormaliserAssertions.accepts;
import static io.threatingest.domain.value.NormaliserAssertions.rejects;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpNormaliserTest {

    private static final IpNormaliser IP = IpNormaliser.INSTANCE;

    @ParameterizedTest
    @CsvSource({
            "8.8.8.8, 8.8.8.8",
            "203.0.113.1, 203.0.113.1",
            "::ffff:8.8.8.8, 8.8.8.8",
            "::FFFF:808:808, 8.8.8.8",
            "2001:DB8::1, 2001:db8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
            "64:ff9b::8.8.8.8, 64:ff9b::808:808",
            "::8.8.8.8, ::808:808",
            "1:0:0:1:0:0:0:1, 1:0:0:1::1",
            "1:0:0:2:0:0:3:4, 1::2:0:0:3:4",
            "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
            "1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7:0",
            "2001:4860:4860::8888, 2001:4860:4860::8888",
            "fec0::1, fec0::1",
            "2002::1, 2002::1",
            "100.64.0.1, 100.64.0.1",
            "198.18.0.1, 198.18.0.1",
            "240.0.0.1, 240.0.0.1",
            "255.255.255.255, 255.255.255.255",
            "0.1.2.3, 0.1.2.3",
            "172.32.0.1, 172.32.0.1",
            "1::, 1::",
            "1:2:3:4:5::8.8.8.8, 1:2:3:4:5:0:808:808" })
    void acceptsPublicAddressesInCanonicalText(String input, String expected) throws Exception {
        accepts(IP, input, expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "abc", "01.2.3.4", "8.8.8.010", "127.1", "1.2.3", "1.2.3.4.5", "256.1.1.1",
            "1.2.3.4 ", " 1.2.3.4", "1.2.3.4:80", "0x8.8.8.8", "1..2.3", ".1.2.3", "1.2.3.", "fe80::1%eth0",
            "2001:db8::1%", "[2001:db8::1]", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6:7::8", ":::", "1::2::3",
            "12345::1", "1:2:3:4:5:6:7", ":1::2", "1::2:", "2001:db8::1.2.3.4.5", "1:2:3:4:5:6:7:1.2.3.4",
            "::ffff:1.2.3", "８.8.8.8", "1:2:3:4:5:6::8.8.8.8" })
    void rejectsWhatIsNotALiteralAddress(String input) {
        assertEquals("invalid IP: " + input.toLowerCase(java.util.Locale.ROOT), rejects(IP, input));
    }

    @ParameterizedTest
    @CsvSource({
            "10.1.2.3, private", "172.16.0.1, private", "172.31.255.255, private", "192.168.1.1, private",
            "fd00::1, private", "fc00::, private", "::ffff:10.0.0.1, private",
            "ff01::1, interface local multicast", "ff11::1, interface local multicast",
            "224.0.0.1, link local multicast", "ff02::1, link local multicast",
            "169.254.1.1, link local unicast", "fe80::1, link local unicast", "febf::1, link local unicast",
            "127.0.0.1, loopback", "127.255.0.9, loopback", "::1, loopback", "::ffff:127.0.0.1, loopback",
            "239.1.1.1, multicast", "224.0.1.1, multicast", "ff0e::1, multicast",
            "0.0.0.0, unspecified", "::, unspecified", "::ffff:0.0.0.0, unspecified" })
    void rejectsNonPublicKindsInReferenceOrder(String input, String kind) {
        assertEquals("cannot accept " + kind + " IP: " + input, rejects(IP, input));
    }
}
