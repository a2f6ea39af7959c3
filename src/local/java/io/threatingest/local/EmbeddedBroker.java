package io.threatingest.local;

import java.util.List;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * An in-process ActiveMQ Artemis broker speaking AMQP 1.0, with a durable anycast queue declared for each
 * address the service uses. Port 0 picks a free port; {@link #port()} tells which.
 */
public final class EmbeddedBroker {

    private static final String ACCEPTOR = "amqp";
    public static final String DEAD_LETTERS = "DLQ";
    public static final String EXPIRED = "ExpiryQueue";

    private final String host;
    private final int requestedPort;
    private final String dataDir;
    private final boolean persistent;
    private final List<String> queues;
    private EmbeddedActiveMQ server;
    private int port;

    public EmbeddedBroker(String host, int port, String dataDir, boolean persistent, List<String> queues) {
        this.host = host;
        this.requestedPort = port;
        this.dataDir = dataDir;
        this.persistent = persistent;
        this.queues = List.copyOf(queues);
    }

    public synchronized EmbeddedBroker start() throws Exception {
        if (server != null) {
            return this;
        }
        // After a restart, bind the same port again so that clients find the broker where it was.
        int bindPort = port != 0 ? port : requestedPort;
        Configuration configuration = new ConfigurationImpl()
                .setName("threat-ingest-embedded")
                .setPersistenceEnabled(persistent)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false)
                .setGracefulShutdownEnabled(false)
                .setJournalDirectory(dataDir + "/journal")
                .setBindingsDirectory(dataDir + "/bindings")
                .setLargeMessagesDirectory(dataDir + "/large-messages")
                .setPagingDirectory(dataDir + "/paging")
                .addAcceptorConfiguration(ACCEPTOR, "tcp://" + host + ":" + bindPort + "?protocols=AMQP");
        configuration.addAddressSetting("#", new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(DEAD_LETTERS))
                .setExpiryAddress(SimpleString.of(EXPIRED)));
        for (String queue : queues) {
            declare(configuration, queue);
        }
        declare(configuration, DEAD_LETTERS);
        declare(configuration, EXPIRED);
        EmbeddedActiveMQ started = new EmbeddedActiveMQ().setConfiguration(configuration).start();
        server = started;
        port = ((NettyAcceptor) started.getActiveMQServer().getRemotingService().getAcceptor(ACCEPTOR)).getActualPort();
        return this;
    }

    private static void declare(Configuration configuration, String queue) {
        configuration.addQueueConfiguration(
                QueueConfiguration.of(queue).setAddress(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }

    /** The running Artemis server, for tests that change its behaviour (a full address, a refusal). */
    public synchronized ActiveMQServer server() {
        if (server == null) {
            throw new IllegalStateException("the embedded broker is not running");
        }
        return server.getActiveMQServer();
    }

    public synchronized void stop() throws Exception {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** The port the broker listens on (the actual one when 0 was requested). */
    public synchronized int port() {
        return port;
    }
}
