package dev.tapes.cdi;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A UDP socket on 127.0.0.1 and a free port that keeps every line it receives: where the StatsD
 * reporter's datagrams land in the lifecycle tests (the StatsD protocol itself is tested
 * against the real daemon in tapes-core).
 */
final class UdpReceiver implements AutoCloseable {

  private final DatagramSocket socket;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread thread;

  UdpReceiver() throws IOException {
    socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    thread = new Thread(this::receive, "udp-receiver");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  List<String> lines() {
    return lines;
  }

  /** The sum of the StatsD counter lines {@code key:N|c} received. */
  long counterTotal(String key) {
    long total = 0;
    for (String line : lines) {
      if (line.startsWith(key + ":") && line.endsWith("|c")) {
        total += Long.parseLong(line.substring(key.length() + 1, line.length() - 2));
      }
    }
    return total;
  }

  private void receive() {
    byte[] buffer = new byte[65_536];
    while (!socket.isClosed()) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketException closed) {
        return;
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      String payload = new String(packet.getData(), 0, packet.getLength(),
          StandardCharsets.UTF_8);
      lines.addAll(List.of(payload.split("\n")));
    }
  }

  @Override
  public void close() {
    socket.close();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
