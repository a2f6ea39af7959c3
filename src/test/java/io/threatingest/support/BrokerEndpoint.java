package io.threatingest.support;

/**
 * Where the tests' AMQP broker listens and how to log in: the embedded one, or a standalone broker named with
 * {@code -Dtest.broker=host:port} (and {@code test.broker.username} / {@code test.broker.password}) for the
 * compatibility run of scripts/standalone-broker-suite.sh.
 */
public record BrokerEndpoint(String host, int port, String username, String password) {

    static final String PROPERTY = "test.broker";

    /** The standalone broker named on the command line, or null when the tests run their own. */
    static BrokerEndpoint external() {
        String address = System.getProperty(PROPERTY, "");
        if (address.isBlank()) {
            return null;
        }
        int colon = address.lastIndexOf(':');
        return new BrokerEndpoint(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                System.getProperty(PROPERTY + ".username"), System.getProperty(PROPERTY + ".password"));
    }

}
