package dev.tapes.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets a process (this one or another of the same user) listens on, read from
 * {@code /proc} (Linux): its open descriptors give socket inodes, {@code /proc/net/tcp} and
 * {@code tcp6} give their local addresses. No tool needed, unlike {@code ss} or {@code lsof}.
 *
 * <pre>{@code
 * assertThat(ListeningSockets.of(server.pid())).allMatch(a -> a.getAddress().isLoopbackAddress());
 * }</pre>
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}, what a Java server bound to
 * 127.0.0.1 shows in {@code tcp6}) comes back as the IPv4 address, so {@code
 * isLoopbackAddress()} answers for it too.
 */
public final class ListeningSockets {

  /** The state of a listening socket in {@code /proc/net/tcp}. */
  private static final String LISTEN = "0A";

  private ListeningSockets() {}

  /** Every local address the process {@code pid} listens on for TCP. */
  public static List<InetSocketAddress> of(long pid) {
    try {
      Set<String> inodes = socketInodes(pid);
      List<InetSocketAddress> listening = new ArrayList<>();
      for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
        Path path = Path.of(table);
        if (!Files.exists(path)) {
          continue; // no IPv6 in this kernel
        }
        List<String> lines = Files.readAllLines(path);
        for (String line : lines.subList(1, lines.size())) {
          // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
          String[] fields = line.trim().split("\\s+");
          if (fields[3].equals(LISTEN) && inodes.contains(fields[9])) {
            listening.add(decode(fields[1]));
          }
        }
      }
      return listening;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sockets of process " + pid, e);
    }
  }

  /** The listening addresses of {@code pid} that are not loopback: a server's exposure. */
  public static List<InetSocketAddress> nonLoopback(long pid) {
    return of(pid).stream().filter(address -> !address.getAddress().isLoopbackAddress())
        .toList();
  }

  private static Set<String> socketInodes(long pid) throws IOException {
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
        String target;
        try {
          target = Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
          continue; // closed while we listed them
        }
        if (target.startsWith("socket:[")) {
          inodes.add(target.substring("socket:[".length(), target.length() - 1));
        }
      }
    }
    return inodes;
  }

  /** {@code 0100007F:1F90} → 127.0.0.1:8080; the address is 32-bit words in host order. */
  static InetSocketAddress decode(String hex) throws IOException {
    int colon = hex.indexOf(':');
    String address = hex.substring(0, colon);
    byte[] raw = new byte[address.length() / 2];
    for (int word = 0; word < raw.length / 4; word++) {
      for (int b = 0; b < 4; b++) {
        int at = word * 8 + (3 - b) * 2; // little-endian words (x86, arm64)
        raw[word * 4 + b] = (byte) Integer.parseInt(address.substring(at, at + 2), 16);
      }
    }
    // getByAddress turns ::ffff:a.b.c.d into an Inet4Address.
    return new InetSocketAddress(InetAddress.getByAddress(raw),
        Integer.parseInt(hex.substring(colon + 1), 16));
  }
}
