package io.chainhub.listener.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a node's websocket port whose connections can be cut: {@link #cut()} closes every
 * relayed connection and stops accepting (clients see the socket drop and their reconnects refused),
 * {@link #restore()} accepts again on the same port.
 */
public final class DroppableTcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile ServerSocket server;

    private DroppableTcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        ServerSocket first = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = first.getLocalPort();
        listen(first);
    }

    public static DroppableTcpProxy start(int targetPort) {
        try {
            return new DroppableTcpProxy(targetPort);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the tcp proxy", e);
        }
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + port;
    }

    /** Connections relayed so far. */
    public int accepted() {
        return accepted.get();
    }

    public synchronized void cut() {
        closeQuietly(server);
        sockets.forEach(DroppableTcpProxy::closeQuietly);
        sockets.clear();
    }

    public synchronized void restore() {
        try {
            ServerSocket again = new ServerSocket();
            again.setReuseAddress(true);
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            listen(again);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + port + " again", e);
        }
    }

    private void listen(ServerSocket socket) {
        server = socket;
        Thread.ofPlatform().daemon().name("tcp-proxy-accept-" + port).start(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    sockets.add(client);
                    sockets.add(upstream);
                    accepted.incrementAndGet();
                    pump(client, upstream);
                    pump(upstream, client);
                } catch (IOException closed) {
                    // cut() closed the server socket
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        Thread.ofPlatform().daemon().name("tcp-proxy-pump").start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException dropped) {
                // either side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        cut();
    }
}
