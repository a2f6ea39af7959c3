package io.threatingest.support;

import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.settings.impl.AddressFullMessagePolicy;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

import io.threatingest.local.EmbeddedBroker;

/**
 * An address of the embedded broker made full: its queue is paused, so that what arrives stays there whoever
 * consumes it (the readers of {@link BrokerQueues} do, in a start shared with other classes), and the address takes
 * one byte at most and refuses the rest ({@link AddressFullMessagePolicy#FAIL}). Closing it lifts both, and the
 * messages kept meanwhile are delivered.
 */
public final class FullAddress implements AutoCloseable {

    private final EmbeddedBroker broker;
    private final String address;
    private final Queue queue;

    private FullAddress(EmbeddedBroker broker, String address) {
        this.broker = broker;
        this.address = address;
        this.queue = broker.server().locateQueue(address);
    }

    /** The address of the queue of the same name (each of the service's addresses has one). */
    public static FullAddress of(EmbeddedBroker broker, String address) {
        FullAddress full = new FullAddress(broker, address);
        full.queue.pause();
        broker.server().getAddressSettingsRepository().addMatch(address,
                new AddressSettings().setMaxSizeBytes(1).setAddressFullMessagePolicy(AddressFullMessagePolicy.FAIL));
        return full;
    }

    @Override
    public void close() {
        broker.server().getAddressSettingsRepository().removeMatch(address);
        queue.resume();
    }
}
