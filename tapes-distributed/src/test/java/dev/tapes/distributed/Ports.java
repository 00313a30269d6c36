package dev.tapes.distributed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for an aggregator that proxies keep dialing while nothing listens (down, or
 * restarting). Taken below the kernel's ephemeral range: a port from that range can be picked
 * as the local port of a proxy's own redial to it, and a TCP "self-connection" then holds the
 * port the restarted aggregator needs.
 */
final class Ports {

  private Ports() {}

  static int outsideEphemeralRange() {
    int ephemeralLow = 32768;
    try {
      Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
      if (Files.isReadable(range)) {
        ephemeralLow = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
      }
    } catch (IOException | NumberFormatException e) {
      // Keep Linux's default range.
    }
    int low = 10_000;
    int high = Math.max(low + 1_000, ephemeralLow);
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(low, high);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // Try another.
      }
    }
    throw new UncheckedIOException(new IOException("no free port in " + low + ".." + high));
  }
}
