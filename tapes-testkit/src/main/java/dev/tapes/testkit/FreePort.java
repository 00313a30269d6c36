package dev.tapes.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free ports on 127.0.0.1 for servers that a test starts in another process (a StatsD daemon,
 * Prometheus), which cannot be handed port 0 and report back.
 *
 * <p>The port is free when returned; another process could take it before the server binds.
 * On loopback of a test machine that race is rare, and a server that loses it fails loudly.
 * Servers started in this JVM should bind port 0 instead.
 */
public final class FreePort {

  private FreePort() {}

  /** A TCP port that nothing on 127.0.0.1 listens on. */
  public static int tcp() {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(loopback(), 0));
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free TCP port on 127.0.0.1", e);
    }
  }

  /** A UDP port that nothing on 127.0.0.1 is bound to. */
  public static int udp() {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback(), 0))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free UDP port on 127.0.0.1", e);
    }
  }

  /** A port free for both TCP and UDP on 127.0.0.1. */
  public static int tcpAndUdp() {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = tcp();
      try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(loopback(), port))) {
        return port;
      } catch (IOException e) {
        // Taken for UDP: try another.
      }
    }
    throw new IllegalStateException("no port free for both TCP and UDP on 127.0.0.1");
  }

  static InetAddress loopback() {
    return InetAddress.getLoopbackAddress();
  }
}
