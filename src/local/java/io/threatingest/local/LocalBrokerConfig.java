package io.threatingest.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The in-process broker of the local run, on {@code ingest.broker.host:port}. These settings exist only in the
 * local build ({@code -Plocal}) and in the tests: the production artifact has no broker, and refuses them at start
 * as unknown settings.
 */
@ConfigMapping(prefix = "ingest.embedded-broker")
public interface LocalBrokerConfig {

    @WithDefault("false")
    boolean enabled();

    /** Journal location; messages survive restarts when {@link #persistent()} is on. */
    @WithDefault("${java.io.tmpdir}/threat-ingest-broker")
    String dataDir();

    @WithDefault("true")
    boolean persistent();
}
