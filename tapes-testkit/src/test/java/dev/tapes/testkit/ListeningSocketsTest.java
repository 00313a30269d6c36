package dev.tapes.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

  private static final long SELF = ProcessHandle.current().pid();

  @Test
  void findsWhatThisProcessListensOnAndOnlyThat() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress bound = new InetSocketAddress(InetAddress.getLoopbackAddress(),
          server.getLocalPort());

      assertThat(ListeningSockets.of(SELF)).contains(bound);
      assertThat(ListeningSockets.nonLoopback(SELF)).doesNotContain(bound);
    }
    assertThat(ListeningSockets.of(SELF)).noneMatch(a -> a.getPort() == 0);
  }

  @Test
  void decodesProcAddressesOfBothFamilies() throws Exception {
    assertThat(ListeningSockets.decode("0100007F:1F90"))
        .isEqualTo(new InetSocketAddress("127.0.0.1", 8080));
    InetSocketAddress any = ListeningSockets.decode("00000000:0050");
    assertThat(any.getAddress().isAnyLocalAddress()).isTrue();
    assertThat(any.getPort()).isEqualTo(80);
    assertThat(ListeningSockets.decode("00000000000000000000000000000000:1F90").getAddress()
        .isAnyLocalAddress()).isTrue();
    assertThat(ListeningSockets.decode("00000000000000000000000001000000:1F90").getAddress()
        .isLoopbackAddress()).as("::1").isTrue();
    assertThat(ListeningSockets.decode("0000000000000000FFFF00000100007F:1F90"))
        .as("::ffff:127.0.0.1").isEqualTo(new InetSocketAddress("127.0.0.1", 8080));
    assertThat(ListeningSockets.decode("0A00020F:0016").getAddress().isLoopbackAddress())
        .as("10.2.0.15").isFalse();
  }
}
