package io.chainhub.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free-port lookup and the "port already taken" check every component runs before it binds. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago; callers that race for it retry or fail with a clear message. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    /** {@code port} itself, or a free port when it is 0. */
    public static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    /**
     * Fails with a one-line explanation when something already listens on {@code port}. Checked on the
     * wildcard address, which also catches listeners bound to a single interface.
     */
    public static void requireFree(int port, String component) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new PortInUseException(port, component);
        }
    }

    /** A port another process holds; the message says which and what to do. */
    public static final class PortInUseException extends IllegalStateException {
        public PortInUseException(int port, String component) {
            super("port " + port + " (" + component + ") is already in use: stop whatever listens there"
                    + " (see `ss -ltnp 'sport = :" + port + "'`), or `./chainhub down` if it is an earlier local stack");
        }
    }
}
