package io.threatingest.support;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * One application start with a broker of its own, for the tests that refuse, fill up, stop or restart it, so that
 * no other test class ever sees that broker misbehave: {@code BrokerOutageTest} (a broker that refuses, then one that
 * stops and comes back), {@code BrokerRestartTest} (a restart under load), {@code TaxiiBrokerOutageTest} (a full
 * address) and {@code QuarkusAmqpSettingsTest} (how the service finds its broker).
 * <p>
 * Why they can share it: they run one after the other, each leaves the broker as it found it (running, its addresses
 * accepting again) and none changes a setting of the service. Each class carries the same two resources, which is
 * what lets them share the start:
 *
 * <pre>
 * &#64;WithTestResource(value = EmbeddedBrokerResource.class, initArgs = {
 *         &#64;ResourceArg(name = "persistent", value = "true"), &#64;ResourceArg(name = "settings", value = "amqp") })
 * &#64;WithTestResource(AuthFixtureResource.class)
 * </pre>
 *
 * {@code persistent=true} keeps a journal on disk, which BrokerRestartTest needs to show that nothing acknowledged
 * is lost; to the others it is a broker like any other. {@code settings=amqp} hands the broker to the service under
 * the Quarkus AMQP guide's {@code amqp-host} / {@code amqp-port} only, which QuarkusAmqpSettingsTest checks; the
 * others do not depend on the names under which the service found its broker (every other start uses
 * {@code ingest.broker.*}).
 */
public class OwnBrokerProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
